# Risk analysis: the rule catalogue, a SQL tokenizer and statement recogniser, the rules over
# statements and over operations, waivers, and analyze().
target_sources(migcmd_governance PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/risk_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sql_tokens.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sql_type.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sql_statement.cpp
  ${CMAKE_CURRENT_LIST_DIR}/migration_state.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sql_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/operation_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/waivers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analyze.cpp
  ${CMAKE_CURRENT_LIST_DIR}/risk_report.cpp)
