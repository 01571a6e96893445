#include "cli/options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "migcmd/error.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

void require_non_negative(double seconds, const char* option) {
  if (!(seconds >= 0)) {
    throw Error(ErrorCode::usage, fmt::format("--{} must be a number of seconds >= 0", option),
                "e.g. --lock-timeout 30");
  }
}

}  // namespace

po::options_description global_options_description() {
  po::options_description global("Global options");
  global.add_options()
      // clang-format off
      ("url", po::value<std::string>()->value_name("URL"),
       "database URL: sqlite:app.db, postgres://user:pass@host:5432/db, mysql://...,"
       " sqlserver://... or odbc://DSN (default: $DATABASE_URL)")
      ("dev-url", po::value<std::string>()->value_name("URL"),
       "a development database where `diff`, `drift` and `add` replay migrations, in a"
       " scratch schema/database they make and drop (default: $MIGCMD_DEV_URL; SQLite needs"
       " none)")
      ("dir", po::value<std::string>()->value_name("DIR")->default_value("./migrations"),
       "the migrations directory")
      ("json", po::bool_switch(), "print one JSON document on stdout (errors too)")
      ("yes,y", po::bool_switch(), "do not ask for confirmation")
      ("verbose,v", po::bool_switch(), "print each statement as it runs")
      ("history-table", po::value<std::string>()->value_name("NAME")
                            ->default_value("migcmd_history"),
       "the history table, optionally schema-qualified (schema.name)")
      ("lock-timeout", po::value<double>()->value_name("SECONDS")->default_value(60),
       "how long to wait for another runner's migration lock")
      ("statement-lock-timeout", po::value<double>()->value_name("SECONDS")->default_value(10),
       "how long one statement may wait for a table lock before it fails and is retried"
       " (0: off)")
      ("lock-mode", po::value<std::string>()->value_name("MODE")->default_value("session"),
       "session (the lock is held for the whole run) or transaction (taken in each"
       " migration's transaction; works behind PgBouncer)")
      ("config", po::value<std::string>()->value_name("FILE"),
       "the project configuration: environments, roles, approvals, windows (default:"
       " ./migcmd.json)")
      ("env", po::value<std::string>()->value_name("NAME"),
       "the environment of the project configuration to act on; its URL comes from the"
       " environment variable its url_env names")
      ("as", po::value<std::string>()->value_name("USER"),
       "act as USER (default: $MIGCMD_USER, else the OS user)")
      ("help,h", po::bool_switch(), "show help (after a command: that command's help)");
  // clang-format on
  return global;
}

bool wants_json(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") break;
    if (a == "--json") return true;
  }
  return false;
}

CommandLine parse_command_line(const std::vector<std::string>& args) {
  const auto description = global_options_description();
  po::parsed_options parsed(nullptr);
  po::variables_map vm;
  try {
    parsed = po::command_line_parser(args)
                 .options(description)
                 .style(option_style)
                 .allow_unregistered()
                 .run();
    po::store(parsed, vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(ErrorCode::usage, e.what(), "run `migcmd --help` for the global options");
  }

  CommandLine line;
  GlobalOptions& g = line.global;
  if (vm.count("url")) {
    g.url = vm["url"].as<std::string>();
  } else if (const char* env = std::getenv("DATABASE_URL"); env && *env) {
    g.url = env;
  }
  if (vm.count("dev-url")) {
    g.dev_url = vm["dev-url"].as<std::string>();
  } else if (const char* env = std::getenv("MIGCMD_DEV_URL"); env && *env) {
    g.dev_url = env;
  }
  g.dir = vm["dir"].as<std::string>();
  g.json = vm["json"].as<bool>();
  g.yes = vm["yes"].as<bool>();
  g.verbose = vm["verbose"].as<bool>();
  g.help = vm["help"].as<bool>();
  g.history_table = vm["history-table"].as<std::string>();
  g.lock_timeout_seconds = vm["lock-timeout"].as<double>();
  g.statement_lock_timeout_seconds = vm["statement-lock-timeout"].as<double>();
  g.lock_mode = vm["lock-mode"].as<std::string>();
  if (vm.count("config")) {
    g.config = vm["config"].as<std::string>();
    g.config_given = true;
  }
  if (vm.count("env")) g.environment = vm["env"].as<std::string>();
  if (vm.count("as")) g.as_user = vm["as"].as<std::string>();
  require_non_negative(g.lock_timeout_seconds, "lock-timeout");
  require_non_negative(g.statement_lock_timeout_seconds, "statement-lock-timeout");
  if (g.lock_mode != "session" && g.lock_mode != "transaction") {
    throw Error(ErrorCode::usage, fmt::format("unknown --lock-mode \"{}\"", g.lock_mode),
                "use --lock-mode session or --lock-mode transaction");
  }
  if (g.history_table.empty() || g.history_table.front() == '.' || g.history_table.back() == '.') {
    throw Error(
        ErrorCode::usage, fmt::format("bad --history-table \"{}\"", g.history_table),
        "give a table name, optionally with its schema: --history-table ops.migcmd_history");
  }

  // Options the globals did not know, and the words between them, belong to the command; its
  // name is the first word.
  auto rest = po::collect_unrecognized(parsed.options, po::include_positional);
  auto first_word = std::find_if(
      rest.begin(), rest.end(), [](const std::string& a) { return a.empty() || a.front() != '-'; });
  if (first_word != rest.end()) {
    line.command = *first_word;
    rest.erase(first_word);
  }
  line.arguments = std::move(rest);
  return line;
}

}  // namespace migcmd::cli
