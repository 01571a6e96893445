#pragma once
// The migcmd command-line tool. main() only calls run(argc, argv).

#include <ostream>

#include "cli/context.hpp"

namespace migcmd::cli {

// Parses the command line, runs the command and returns the exit status (exit_codes.hpp). Never
// throws: every failure becomes one message on `err` (or a JSON document on `out` with --json).
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        Terminal terminal = {});

// The same on std::cout / std::cerr, asking isatty() whether they are terminals.
int run(int argc, char** argv);

}  // namespace migcmd::cli
