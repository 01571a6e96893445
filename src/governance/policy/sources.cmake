# The policy part of migcmd::governance: project configuration, identities, roles and permissions,
# approvals, maintenance windows, environment locks, emergencies, schedules, granted roles and
# settings changes (state store).
target_sources(migcmd_governance PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/tier.cpp
  ${CMAKE_CURRENT_LIST_DIR}/permission.cpp
  ${CMAKE_CURRENT_LIST_DIR}/role.cpp
  ${CMAKE_CURRENT_LIST_DIR}/role_catalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/maintenance_window.cpp
  ${CMAKE_CURRENT_LIST_DIR}/identity.cpp
  ${CMAKE_CURRENT_LIST_DIR}/approval_rule.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notification.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_config_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/authorizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plan_fingerprint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pending_plan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/state_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/approval_decision.cpp
  ${CMAKE_CURRENT_LIST_DIR}/policy_audit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/approvals.cpp
  ${CMAKE_CURRENT_LIST_DIR}/environment_locks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/role_grants.cpp
  ${CMAKE_CURRENT_LIST_DIR}/settings_changes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/policy_checks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/schedules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/schedule_agent.cpp
)
