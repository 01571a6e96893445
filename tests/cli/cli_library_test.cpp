// The CLI library without a process: run() with string streams, the one mapping from error codes
// to exit statuses, and the masking of secrets in output.

#include <doctest/doctest.h>

#include <sstream>

#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "cli/run.hpp"

using namespace migcmd::cli;

namespace {

struct Captured {
  int status;
  std::string out;
  std::string err;
};

Captured run_args(std::vector<const char*> args) {
  args.insert(args.begin(), "migcmd");
  std::ostringstream out, err;
  const int status = run(static_cast<int>(args.size()), args.data(), out, err);
  return {status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("every error code maps to its documented exit status") {
  using migcmd::ErrorCode;
  CHECK(exit_code_for(ErrorCode::migration_failed) == ExitCode::migration_failed);
  CHECK(exit_code_for(ErrorCode::usage) == ExitCode::usage);
  CHECK(exit_code_for(ErrorCode::validation_failed) == ExitCode::validation_failed);
  CHECK(exit_code_for(ErrorCode::parse_error) == ExitCode::validation_failed);
  CHECK(exit_code_for(ErrorCode::invalid_migration) == ExitCode::validation_failed);
  CHECK(exit_code_for(ErrorCode::lock_timeout) == ExitCode::lock_timeout);
  CHECK(exit_code_for(ErrorCode::connection_error) == ExitCode::cannot_connect);
  for (ErrorCode code : {ErrorCode::invalid_schema, ErrorCode::irreversible_operation,
                         ErrorCode::unsupported_operation, ErrorCode::database_error,
                         ErrorCode::io_error, ErrorCode::internal}) {
    CHECK(exit_code_for(code) == ExitCode::other);
  }
  CHECK(to_int(ExitCode::ok) == 0);
  CHECK(to_int(ExitCode::migration_failed) == 1);
  CHECK(to_int(ExitCode::usage) == 2);
  CHECK(to_int(ExitCode::validation_failed) == 3);
  CHECK(to_int(ExitCode::lock_timeout) == 4);
  CHECK(to_int(ExitCode::cannot_connect) == 5);
  CHECK(to_int(ExitCode::other) == 6);
}

TEST_CASE("run() writes help to `out` and errors to `err`") {
  auto r = run_args({"--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("Usage: migcmd") != std::string::npos);
  CHECK(r.err.empty());

  r = run_args({"frobnicate"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "migcmd: unknown command \"frobnicate\"\n"
        "hint: run `migcmd --help` to list the commands\n");

  r = run_args({"--json", "--url", "nope://u:pw12345@h/db", "status"});
  CHECK(r.status == 2);
  CHECK(r.out.find("\"ok\": false") != std::string::npos);
  CHECK(r.out.find("pw12345") == std::string::npos);
}

TEST_CASE("Output masks registered secrets in errors and documents") {
  std::ostringstream out, err;
  Output output(out, err, false, false, false);
  output.add_secret("postgres://u:hunter22@h/db", "postgres://u:***@h/db");
  output.add_secret("hunter22");
  output.error(migcmd::Error(migcmd::ErrorCode::connection_error,
                             "cannot reach postgres://u:hunter22@h/db (password hunter22)",
                             "hunter22 is wrong"));
  CHECK(err.str() ==
        "migcmd: cannot reach postgres://u:***@h/db (password ***)\n"
        "hint: *** is wrong\n");
  CHECK(output.scrub("a hunter22 b hunter22") == "a *** b ***");

  std::ostringstream json_out, json_err;
  Output json(json_out, json_err, true, false, false);
  json.add_secret("hunter22");
  json.json_result("x", {{"text", "hunter22"}});
  CHECK(json_out.str().find("hunter22") == std::string::npos);
  CHECK(json_out.str().find("\"ok\": true") != std::string::npos);
}
