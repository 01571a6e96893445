# migcmd_add_provider(<name> SOCI_BACKEND <soci component> SOURCES ...)
#
# Defines the library migcmd_<name>, exported as migcmd::<name>: one database's dialect,
# connection and (later) schema reader and lock, linked against the matching SOCI backend.
function(migcmd_add_provider name)
  cmake_parse_arguments(arg "" "SOCI_BACKEND" "SOURCES;LIBRARIES" ${ARGN})
  add_library(migcmd_${name} ${arg_SOURCES})
  add_library(migcmd::${name} ALIAS migcmd_${name})
  set_target_properties(migcmd_${name} PROPERTIES EXPORT_NAME ${name})
  target_include_directories(migcmd_${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  # src/ holds core's internal headers (the SOCI connection); they are not installed.
  target_include_directories(migcmd_${name} PRIVATE ${PROJECT_SOURCE_DIR}/src
                                                    ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(migcmd_${name} PUBLIC migcmd::migcmd
                                        PRIVATE SOCI::${arg_SOCI_BACKEND} fmt::fmt ${arg_LIBRARIES})
  migcmd_set_warnings(migcmd_${name})
  install(TARGETS migcmd_${name} EXPORT migcmdTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endfunction()
