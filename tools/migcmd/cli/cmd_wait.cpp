// `wait`: until the database accepts connections, for containers that start together.

#include <fmt/format.h>

#include <chrono>
#include <thread>

#include "cli/command.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

void wait_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()("timeout", po::value<double>()->value_name("SECONDS")->default_value(60),
                        "give up after this many seconds");
}

int run_wait(Context& context, const po::variables_map& args) {
  using Clock = std::chrono::steady_clock;
  const double seconds = args["timeout"].as<double>();
  if (!(seconds >= 0)) {
    throw Error(ErrorCode::usage, "wait: --timeout must be a number of seconds >= 0");
  }
  const Provider& provider = context.provider();  // a wrong URL is not worth waiting for
  const auto start = Clock::now();
  const auto deadline =
      start + std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0 + 0.5));
  auto pause = std::chrono::milliseconds(100);
  for (int attempt = 1;; ++attempt) {
    try {
      auto connection = provider.connect(context.url());
      (void)connection->query("SELECT 1");
      const auto waited =
          std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
      if (context.output().json()) {
        context.output().json_result("wait",
                                     {{"attempts", attempt}, {"waited_ms", waited.count()}});
      } else {
        context.output().line(
            fmt::format("the database accepts connections (after {} ms)", waited.count()));
      }
      return 0;
    } catch (const Error& e) {
      if (e.code() != ErrorCode::connection_error) throw;
      const auto now = Clock::now();
      if (now >= deadline) {
        throw Error(ErrorCode::connection_error,
                    fmt::format("the database did not accept connections within {} s ({} "
                                "attempt(s)); last error: {}",
                                seconds, attempt, e.message()),
                    "check the URL, that the server runs and that it is reachable, or pass a "
                    "longer --timeout");
      }
      if (context.output().verbose()) {
        context.output().note(fmt::format("not yet: {}", e.message()));
      }
      // The last try comes at the deadline itself.
      std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - now));
    }
    pause = std::min(pause * 2, std::chrono::milliseconds(1000));
  }
}

}  // namespace

Command wait_command() {
  return {"wait",
          "wait [--timeout SECONDS]",
          "wait until the database accepts connections",
          "Tries to connect (and run SELECT 1) until the database accepts, retrying with a short "
          "pause, for up to --timeout seconds (default 60). Exits 0 once connected, 5 when the "
          "time runs out. Useful before `migcmd up` in a container started together with its "
          "database.",
          wait_options,
          run_wait,
          "status.view"};
}

}  // namespace migcmd::cli
