target_sources(migcmd_governance PRIVATE ${CMAKE_CURRENT_LIST_DIR}/governance_gate.cpp)
