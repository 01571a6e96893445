// `diff --from A --to B`: the migration that turns schema A into schema B, where each side is a
// database URL, a snapshot file or a directory of migrations.

#include <fmt/format.h>

#include "cli/change_script.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/rename_options.hpp"
#include "cli/schema_source.hpp"
#include "migcmd/diff.hpp"
#include "migcmd/operation_json.hpp"
#include "migcmd/scaffold.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

void diff_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("from", po::value<std::string>()->value_name("SOURCE"),
       "the schema as it is: a database URL, a snapshot file or a migrations directory")
      ("to", po::value<std::string>()->value_name("SOURCE"),
       "the schema as it should be: a database URL, a snapshot file or a migrations directory")
      ("format", po::value<std::string>()->value_name("FORMAT")->default_value("sql"),
       "sql (statements for the database), cpp (MigrationBuilder calls) or json (operations)")
      ("rename", po::value<std::vector<std::string>>()->value_name("OLD=NEW")->composing(),
       "apply a rename instead of a drop and an add: table=new_table or table.column=new_column"
       " (repeatable)")
      ("dialect", po::value<std::string>()->value_name("NAME"),
       "the database kind to write SQL for when neither side names one (sqlite, postgres, mysql,"
       " sqlserver)")
      ("exit-code", po::bool_switch(), "exit with status 7 when the schemas differ");
  // clang-format on
}

const Provider* provider_named(const Context& context, const std::string& name) {
  for (const auto& p : context.providers().providers()) {
    if (p->name() == name) return p.get();
  }
  return nullptr;
}

// The database kind the output is for: --dialect, a URL side, a replayed side, a snapshot's.
const Provider* target_provider(const Context& context, const po::variables_map& args,
                                const LoadedSchema& from, const LoadedSchema& to) {
  if (args.count("dialect")) {
    const std::string name = args["dialect"].as<std::string>();
    const Provider* p = provider_named(context, name);
    if (!p) {
      throw Error(ErrorCode::usage, fmt::format("unknown --dialect \"{}\"", name),
                  "use sqlite, postgres, mysql or sqlserver (as built into this migcmd)");
    }
    return p;
  }
  for (const auto* side : {&to, &from}) {
    if (side->provider) return side->provider;
  }
  for (const auto* side : {&to, &from}) {
    if (const Provider* p = provider_named(context, side->dialect)) return p;
  }
  return nullptr;
}

std::string required(const po::variables_map& args, const char* name) {
  if (!args.count(name)) {
    throw Error(ErrorCode::usage, fmt::format("diff: --{} is required", name),
                "e.g. `migcmd diff --from migrations/ --to postgres://localhost/dev`");
  }
  return args[name].as<std::string>();
}

// A directory on one side is replayed with the other side's kind of database when --dev-url
// does not say: a guess only SQLite can act on (in memory).
const Provider* replay_hint(const Context& context, const std::string& other) {
  if (is_database_url(context, other)) return &context.providers().for_url(other);
  return nullptr;
}

int run_diff(Context& context, const po::variables_map& args) {
  const std::string from_spec = required(args, "from");
  const std::string to_spec = required(args, "to");
  const std::string format = args["format"].as<std::string>();
  if (format != "sql" && format != "cpp" && format != "json") {
    throw Error(ErrorCode::usage, fmt::format("diff: unknown --format \"{}\"", format),
                "use --format sql, cpp or json");
  }
  const Provider* dialect_hint = nullptr;
  if (args.count("dialect")) {
    dialect_hint = provider_named(context, args["dialect"].as<std::string>());
  }
  const LoadedSchema from =
      load_schema(context, from_spec, dialect_hint ? dialect_hint : replay_hint(context, to_spec));
  const LoadedSchema to =
      load_schema(context, to_spec, dialect_hint ? dialect_hint : replay_hint(context, from_spec));
  const Provider* provider = target_provider(context, args, from, to);

  DiffOptions options;
  if (args.count("rename")) {
    options.renames = parse_renames(args["rename"].as<std::vector<std::string>>());
  }
  if (provider) options.dialect = &provider->dialect();
  const SchemaDiff result = diff(from.schema, to.schema, options);

  std::string text;
  if (format == "sql") {
    if (!provider) {
      throw Error(ErrorCode::usage, "diff: no database kind to write SQL for",
                  "both sides are snapshots without a dialect: pass --dialect NAME");
    }
    text = change_script(result, from.schema, provider->dialect());
    if (result.empty()) text = "-- the schemas are the same\n";
  } else if (format == "cpp") {
    text = result.empty() ? std::string("// the schemas are the same\n")
                          : render_cpp_operations(result.operations);
  } else {
    text = to_json(result.operations);
  }

  if (context.output().json()) {
    nlohmann::json renames = nlohmann::json::array();
    for (const auto& r : result.likely_renames) {
      renames.push_back({{"kind", r.kind}, {"from", r.from}, {"to", r.to}, {"hint", r.hint}});
    }
    context.output().json_result("diff",
                                 {{"from", from.description},
                                  {"to", to.description},
                                  {"operations", nlohmann::json::parse(to_json(result.operations))},
                                  {"likely_renames", renames},
                                  {"format", format},
                                  {"text", text}});
  } else {
    context.output().out_stream() << text << std::flush;
    if (format != "sql") {
      for (const auto& r : result.likely_renames) {
        context.output().note(
            fmt::format("likely rename: {} {} -> {} ({})", r.kind, r.from, r.to, r.hint));
      }
    }
  }
  return args["exit-code"].as<bool>() && !result.empty() ? to_int(ExitCode::differences) : 0;
}

}  // namespace

Command diff_command() {
  return {"diff",
          "diff --from SOURCE --to SOURCE [--format sql|cpp|json] [--rename OLD=NEW]...",
          "print the migration from one schema to another",
          "Compares two schemas and prints the changes that turn --from into --to, in a safe "
          "order (foreign keys dropped first and added last), each one described in a comment "
          "and destructive ones marked. Each SOURCE is a database URL (read from its catalog), a "
          "snapshot file (JSON), or a directory of SQL migrations, replayed in a scratch schema "
          "on --dev-url (in memory for SQLite) that is dropped afterwards. A table or column "
          "that looks renamed is reported, never guessed: pass --rename to apply it. --format "
          "cpp prints MigrationBuilder calls for a code migration, json the operations.",
          diff_options,
          run_diff,
          "plan.view"};
}

}  // namespace migcmd::cli
