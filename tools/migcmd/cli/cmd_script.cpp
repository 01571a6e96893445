// `script`: the SQL `up` would run, with the history writes, for a DBA to review and run.

#include "cli/command.hpp"
#include "cli/offline_connection.hpp"
#include "migcmd/url.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

void script_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("from", po::value<std::string>()->value_name("V"),
       "start after version V (default: what the database has applied)")
      ("to", po::value<std::string>()->value_name("V"),
       "end with version V (default: the newest)")
      ("idempotent", po::bool_switch(),
       "guard each migration with a history check, so the script can run more than once")
      ("offline", po::bool_switch(),
       "do not connect: script every migration in range (--url only names the database kind,"
       " e.g. --url postgres:)");
  // clang-format on
}

int run_script(Context& context, const po::variables_map& args) {
  ScriptOptions script;
  if (args.count("from")) script.from = args["from"].as<std::string>();
  if (args.count("to")) script.to = args["to"].as<std::string>();
  script.idempotent = args["idempotent"].as<bool>();
  script.offline = args["offline"].as<bool>();

  std::string text;
  if (script.offline) {
    const Provider& provider = context.provider();
    auto scripts = context.migrations();
    OfflineConnection connection(std::string(provider.name()), redact_url(context.url()));
    Migrator migrator(connection, provider, std::move(scripts), context.migrator_options(nullptr));
    text = migrator.script(script);
  } else {
    auto session = context.open();
    text = session.migrator->script(script);
  }
  if (context.output().json()) {
    context.output().json_result("script", {{"script", text}});
  } else {
    context.output().out_stream() << text << std::flush;
  }
  return 0;
}

}  // namespace

Command script_command() {
  return {"script",
          "script [--from V] [--to V] [--idempotent] [--offline]",
          "print the SQL of pending migrations",
          "Prints on stdout the SQL that `up` would run, history-table writes included, for "
          "review or for a DBA to run: by default the migrations the database has not applied, "
          "or the versions after --from up to --to. --offline scripts without connecting; "
          "--idempotent wraps each migration in a check of the history so the script can be "
          "run again safely (PostgreSQL and SQL Server).",
          script_options,
          run_script,
          "script"};
}

}  // namespace migcmd::cli
