# Reports and metrics: the audit trail and the state store summed up per environment, rendered as
# text, Markdown, JSON or CSV, and as Prometheus metrics.
target_sources(migcmd_governance PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/state_snapshot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_format.cpp
  ${CMAKE_CURRENT_LIST_DIR}/metrics.cpp)
