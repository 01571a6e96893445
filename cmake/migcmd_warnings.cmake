# Warnings used for every target of this project (not forced on consumers).
option(MIGCMD_WERROR "Treat warnings as errors (CI sets it)" OFF)

function(migcmd_set_warnings target)
  if(MIGCMD_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast
                                           # The model's value types are aggregates with default member
                                           # initialisers, meant to be initialised partially
                                           # ({"id", Type::int64()}); g++ 12 warns about that anyway.
                                           -Wno-missing-field-initializers)
endfunction()
