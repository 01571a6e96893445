// `new NAME`: the next migration file; `hash`: rewrite migcmd.sum.

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "cli/command.hpp"
#include "migcmd/file_write.hpp"
#include "migcmd/scaffold.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace migcmd::cli {
namespace {

void new_options(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()
      // clang-format off
      ("name", po::value<std::string>()->value_name("NAME"),
       "the migration's name: lower-case letters, digits and _")
      ("format", po::value<std::string>()->value_name("FORMAT")->default_value("sql"),
       "sql (a dbmate file) or cpp (a code migration skeleton)");
  // clang-format on
  pos.add("name", 1);
}

int run_new(Context& context, const po::variables_map& args) {
  if (!args.count("name")) {
    throw Error(ErrorCode::usage, "new: the migration needs a NAME",
                "e.g. `migcmd new create_users`");
  }
  const std::string name = args["name"].as<std::string>();
  if (!is_valid_migration_name(name)) {
    throw Error(ErrorCode::usage,
                fmt::format("new: \"{}\" is not a valid migration name: use lower-case letters, "
                            "digits and _ only",
                            name),
                "e.g. `migcmd new add_email_to_users`");
  }
  const std::string format = args["format"].as<std::string>();
  if (format != "sql" && format != "cpp") {
    throw Error(ErrorCode::usage, fmt::format("new: unknown --format \"{}\"", format),
                "use --format sql or --format cpp");
  }

  const fs::path dir = context.options().dir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw Error(ErrorCode::io_error,
                fmt::format("cannot create the directory {}: {}", dir.string(), ec.message()));
  }
  const std::string version = next_migration_version(dir, SqlFileFormat::dbmate);
  const fs::path path = dir / fmt::format("{}_{}.{}", version, name, format);
  write_file_atomically(
      path, format == "sql"
                ? std::string("-- migrate:up\n\n-- migrate:down\n")
                : render_cpp_migration(
                      {version, name, migration_class_name(name), {}, std::nullopt, {}}));
  write_sum_file(dir);

  if (context.output().json()) {
    context.output().json_result(
        "new", {{"path", path.string()}, {"version", version}, {"name", name}, {"format", format}});
  } else {
    context.output().line(path.string());
  }
  return 0;
}

int run_hash(Context& context, const po::variables_map&) {
  const fs::path dir = context.options().dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw Error(ErrorCode::usage,
                fmt::format("the migrations directory {} does not exist", dir.string()),
                "pass --dir");
  }
  write_sum_file(dir);
  const fs::path path = dir / sum_file_name;
  if (context.output().json()) {
    context.output().json_result("hash", {{"path", path.string()}});
  } else {
    context.output().line(fmt::format("wrote {}", path.string()));
  }
  return 0;
}

}  // namespace

Command new_command() {
  return {"new",
          "new NAME [--format sql|cpp]",
          "write the next migration file",
          "Writes the next migration file into --dir: a dbmate file "
          "<UTC yyyymmddHHMMSS>_NAME.sql with empty \"-- migrate:up\" and \"-- migrate:down\" "
          "sections, or with --format cpp a skeleton of a code migration (a Migration subclass "
          "and the line that registers it). NAME is lower-case letters, digits and _. The "
          "directory is created when missing, migcmd.sum is rewritten, and the new file's path "
          "is printed.",
          new_options,
          run_new,
          "migration.create"};
}

Command hash_command() {
  return {"hash",
          "hash",
          "rewrite migcmd.sum",
          "Rewrites migcmd.sum, the chained checksums of the migration files in --dir. Commit it "
          "with the migrations: `up` and `validate` then refuse a directory whose files were "
          "edited, inserted, deleted or reordered since, before touching any database.",
          no_options,
          run_hash,
          "migration.create"};
}

}  // namespace migcmd::cli
