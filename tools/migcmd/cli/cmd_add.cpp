// `add NAME --to SOURCE`: the next SQL migration, from the difference between the project's
// snapshot (the schema after its newest migration) and the schema wanted, and a new snapshot.

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "cli/change_script.hpp"
#include "cli/command.hpp"
#include "cli/rename_options.hpp"
#include "cli/schema_source.hpp"
#include "migcmd/diff.hpp"
#include "migcmd/file_write.hpp"
#include "migcmd/scaffold.hpp"
#include "migcmd/snapshot.hpp"
#include "migcmd/sql_migrations.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace migcmd::cli {
namespace {

void add_options(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()
      // clang-format off
      ("name", po::value<std::string>()->value_name("NAME"),
       "the migration's name: lower-case letters, digits and _")
      ("to", po::value<std::string>()->value_name("SOURCE"),
       "the schema wanted: a database URL (e.g. your development database, changed by hand) or"
       " a snapshot file")
      ("rename", po::value<std::vector<std::string>>()->value_name("OLD=NEW")->composing(),
       "apply a rename instead of a drop and an add (repeatable)");
  // clang-format on
  pos.add("name", 1);
}

std::string valid_name(const po::variables_map& args) {
  if (!args.count("name")) {
    throw Error(ErrorCode::usage, "add: the migration needs a NAME",
                "e.g. `migcmd add add_email_to_users --to postgres://localhost/dev`");
  }
  const std::string name = args["name"].as<std::string>();
  if (!is_valid_migration_name(name)) {
    throw Error(ErrorCode::usage,
                fmt::format("add: \"{}\" is not a valid migration name: use lower-case letters, "
                            "digits and _ only",
                            name));
  }
  return name;
}

bool has_migrations(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && !load_sql_migrations(dir).empty();
}

int run_add(Context& context, const po::variables_map& args) {
  const std::string name = valid_name(args);
  if (!args.count("to")) {
    throw Error(ErrorCode::usage, "add: --to is required: the schema the migration should reach",
                "e.g. --to postgres://localhost/dev, or --to model.snapshot.json");
  }
  const fs::path dir = context.options().dir;
  const fs::path snapshot_path = dir / default_snapshot_file;
  const LoadedSchema wanted = load_schema(context, args["to"].as<std::string>(), nullptr);

  const Provider* provider = wanted.provider;
  if (!provider && context.options().url) provider = &context.provider();
  std::error_code ec;
  LoadedSchema current;
  if (fs::exists(snapshot_path, ec)) {
    current = load_schema(context, snapshot_path.string(), provider);
  } else if (has_migrations(dir)) {
    current = load_schema(context, dir.string(), provider);  // replayed: no snapshot yet
  }
  if (!provider) {
    for (const auto& p : context.providers().providers()) {
      if (p->name() == wanted.dialect || p->name() == current.dialect) provider = p.get();
    }
  }
  if (!provider) {
    throw Error(ErrorCode::usage, "add: no database kind to write the migration for",
                "give --to a database URL, or --url naming the project's database");
  }

  DiffOptions options;
  options.dialect = &provider->dialect();
  if (args.count("rename")) {
    options.renames = parse_renames(args["rename"].as<std::vector<std::string>>());
  }
  const SchemaDiff change = diff(current.schema, wanted.schema, options);
  for (const auto& r : change.likely_renames) {
    context.output().note(
        fmt::format("likely rename, written as a drop and an add: {} {} -> {} "
                    "(to rename instead, run again with {})",
                    r.kind, r.from, r.to, r.hint));
  }
  if (change.empty()) {
    if (context.output().json()) {
      context.output().json_result("add", {{"changes", 0}, {"files", nlohmann::json::array()}});
    } else {
      context.output().line("no changes: the snapshot already matches " + wanted.description);
    }
    return 0;
  }

  fs::create_directories(dir, ec);
  const SqlFileFormat format = detect_sql_file_format(dir);
  const std::string version = next_migration_version(dir, format);
  DiffOptions back = options;
  back.renames.clear();
  for (const auto& [from, to] : options.renames) {
    // The down migration renames back: "t.old=new" becomes "t.new=old" (tables: "old=new").
    const auto dot = from.find('.');
    if (dot == std::string::npos) {
      back.renames[to] = from;
    } else {
      back.renames[from.substr(0, dot + 1) + to] = from.substr(dot + 1);
    }
  }
  const auto up = change_statements(change.operations, current.schema, provider->dialect());
  const auto down = change_statements(diff(wanted.schema, current.schema, back).operations,
                                      wanted.schema, provider->dialect());
  nlohmann::json files = nlohmann::json::array();
  for (const auto& file :
       scaffold_sql_migration(dir, format, version, name, up, down, provider->name())) {
    write_file_atomically(file.path, file.content);
    files.push_back(file.path.string());
  }
  write_snapshot(snapshot_path, Snapshot{wanted.schema, version, std::string(provider->name())});
  write_sum_file(dir);

  if (context.output().json()) {
    context.output().json_result("add", {{"changes", change.operations.size()},
                                         {"version", version},
                                         {"files", files},
                                         {"snapshot", snapshot_path.string()}});
  } else {
    for (const auto& f : files) context.output().line(f.get<std::string>());
    context.output().note(fmt::format("{} change(s); snapshot {} updated", change.operations.size(),
                                      snapshot_path.string()));
  }
  return 0;
}

}  // namespace

Command add_command() {
  return {"add",
          "add NAME --to SOURCE [--rename OLD=NEW]...",
          "write the next migration from a schema difference",
          "Compares the project's snapshot (migcmd.snapshot.json in --dir: the schema after the "
          "newest migration; without one the migrations are replayed, see --dev-url) with the "
          "schema wanted (--to: a database URL or a snapshot file), writes the SQL migration "
          "that gets there, with its down part, in the format the directory already uses "
          "(dbmate when empty), rewrites migcmd.sum and updates the snapshot. Nothing is "
          "written when there is no change. A table or column that looks renamed is reported; "
          "pass --rename to rename it instead of dropping and adding it.",
          add_options,
          run_add,
          "migration.create"};
}

}  // namespace migcmd::cli
