# cmake -DMIGCMD_BUILD_DIR=... -DCONSUMER_SOURCE=... -DWORK_DIR=... -DPROVIDERS=a,b -P this
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${MIGCMD_BUILD_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${CONSUMER_SOURCE} -B ${WORK_DIR}/build -DCMAKE_PREFIX_PATH=${prefix}
    "-DPROVIDERS=${PROVIDERS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build -j2)
run(${WORK_DIR}/build/consumer)
message(STATUS "${last_output}")
if(NOT last_output MATCHES "CREATE TABLE")
  message(FATAL_ERROR "the consumer printed no CREATE TABLE:\n${last_output}")
endif()

# The installed tool finds its provider modules in lib/migcmd: a migration applied to SQLite, then
# nothing left to apply.
if(EXISTS ${prefix}/bin/migcmd)
  file(WRITE ${WORK_DIR}/migrations/20250101000000_create_items.sql
       "-- migrate:up\nCREATE TABLE items (id INTEGER PRIMARY KEY);\n")
  set(tool ${prefix}/bin/migcmd --url sqlite:${WORK_DIR}/installed.db
      --dir ${WORK_DIR}/migrations)
  run(${tool} up)
  if(NOT last_output MATCHES "applied 20250101000000_create_items")
    message(FATAL_ERROR "the installed migcmd applied nothing:\n${last_output}")
  endif()
  run(${tool} up)
  if(NOT last_output MATCHES "nothing to apply")
    message(FATAL_ERROR "the installed migcmd applied again:\n${last_output}")
  endif()
  file(GLOB modules ${prefix}/lib*/migcmd/libmigcmd-provider-*.so
       ${prefix}/lib/*/migcmd/libmigcmd-provider-*.so)
  if(NOT modules)
    message(FATAL_ERROR "no provider modules installed under ${prefix}/lib")
  endif()
endif()
