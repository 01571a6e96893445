# The audit trail: entries hash-chained in a SQLite file or a database table.
target_sources(migcmd_governance PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/audit_canonical.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audit_time.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audit_scrub.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audit_table_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audit_log.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audit_verify.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audit_export.cpp)
