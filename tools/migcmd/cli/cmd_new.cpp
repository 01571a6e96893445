// `new NAME`: the next migration file; `hash`: rewrite migcmd.sum.

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>

#include "cli/command.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace migcmd::cli {
namespace {

std::string utc_stamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y%m%d%H%M%S", &tm);
  return buffer;
}

// The current UTC time, or one more than the newest version in the directory when that is not
// older (two files made within a second, or a clock behind the last author's): a new migration
// must sort last.
std::string next_version(const fs::path& dir) {
  std::uint64_t version = std::stoull(utc_stamp());
  static const std::regex numbered(R"(^(\d{1,19})_.*)");
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    std::smatch m;
    if (!std::regex_match(file, m, numbered)) continue;
    const std::uint64_t existing = std::stoull(m[1].str());
    if (existing >= version) version = existing + 1;
  }
  return fmt::format("{:014}", version);
}

// "create_users" -> "CreateUsers"; a leading digit gets a prefix to stay a valid identifier.
std::string class_name(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  if (out.empty() || (out.front() >= '0' && out.front() <= '9')) out = "Migration" + out;
  return out;
}

std::string cpp_skeleton(const std::string& version, const std::string& name) {
  const std::string type = class_name(name);
  return fmt::format(
      "// Migration {0}_{1}.\n"
      "//\n"
      "// Register it with the others, once, where your program builds its migrations:\n"
      "//   registry.add<{2}>(\"{0}\", \"{1}\");\n"
      "\n"
      "#include <migcmd/migcmd.hpp>\n"
      "\n"
      "class {2} : public migcmd::Migration {{\n"
      " public:\n"
      "  void up(migcmd::MigrationBuilder& b) override {{\n"
      "    // b.create_table(\"things\", [](migcmd::TableBuilder& t) {{\n"
      "    //   t.column<std::int64_t>(\"id\").identity();\n"
      "    //   t.primary_key({{\"id\"}});\n"
      "    // }});\n"
      "    (void)b;\n"
      "  }}\n"
      "\n"
      "  // down() is derived from up() when every operation can be reversed; override it\n"
      "  // otherwise:\n"
      "  // void down(migcmd::MigrationBuilder& b) override {{ ... }}\n"
      "}};\n",
      version, name, type);
}

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
  static const std::regex valid("[a-z0-9_]+");
  if (!std::regex_match(name, valid)) {
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
  const std::string version = next_version(dir);
  const fs::path path = dir / fmt::format("{}_{}.{}", version, name, format);
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << (format == "sql" ? std::string("-- migrate:up\n\n-- migrate:down\n")
                             : cpp_skeleton(version, name));
    file.close();
    if (!file) {
      throw Error(ErrorCode::io_error, fmt::format("cannot write {}", path.string()));
    }
  }
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
          run_new};
}

Command hash_command() {
  return {"hash",
          "hash",
          "rewrite migcmd.sum",
          "Rewrites migcmd.sum, the chained checksums of the migration files in --dir. Commit it "
          "with the migrations: `up` and `validate` then refuse a directory whose files were "
          "edited, inserted, deleted or reordered since, before touching any database.",
          no_options,
          run_hash};
}

}  // namespace migcmd::cli
