// The design-time verbs. The snapshot is the schema after the newest migration: `add` diffs it
// against the model, writes the migration that closes the gap, and makes the model the new
// snapshot.

#include "migcmd/design_time.hpp"

#include "migcmd/file_write.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <system_error>

#include "migcmd/apply_operation.hpp"
#include "migcmd/diff.hpp"
#include "migcmd/error.hpp"
#include "migcmd/scaffold.hpp"
#include "migcmd/snapshot.hpp"
#include "migration/formats/formats.hpp"
#include "operations/operation_json.hpp"

namespace fs = std::filesystem;

namespace migcmd {
namespace {

constexpr int exit_usage = 2;
constexpr int exit_invalid = 3;
constexpr int exit_other = 6;
constexpr int exit_changes = 7;

std::string usage(std::string_view program) {
  return fmt::format(
      "usage: {0} <verb> [options]\n"
      "\n"
      "  add NAME [--rename OLD=NEW]...   write the next migration from the model's changes,\n"
      "                                   regenerate migrations.hpp and update the snapshot\n"
      "  diff [--format cpp|json|sql] [--rename OLD=NEW]...\n"
      "                                   print the model's pending changes; write nothing\n"
      "  check [--rename OLD=NEW]...      exit 7 when the model has changes no migration makes\n"
      "  snapshot                         rebuild the snapshot from the registered migrations\n"
      "\n"
      "NAME is lower-case letters, digits and _. --rename users=members or\n"
      "--rename users.email=mail makes a rename of what the diff would drop and add again.\n"
      "Exit status: 0 ok, 2 usage, 3 invalid model or migrations, 6 other errors, 7 changes\n"
      "found by `check`.\n",
      program);
}

struct Arguments {
  std::string verb;
  std::vector<std::string> positional;
  std::map<std::string, std::string> renames;
  std::string format = "cpp";
  bool help = false;
};

Error usage_error(std::string message, std::string_view program) {
  return Error(ErrorCode::usage, std::move(message),
               fmt::format("run `{} --help` for the verbs and their options", program));
}

Arguments parse(const std::vector<std::string>& args, std::string_view program) {
  Arguments a;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string_view option) -> std::string {
      const std::string prefix = std::string(option) + "=";
      if (arg.rfind(prefix, 0) == 0) return arg.substr(prefix.size());
      if (i + 1 >= args.size()) {
        throw usage_error(fmt::format("{} needs a value", option), program);
      }
      return args[++i];
    };
    if (arg == "--help" || arg == "-h" || arg == "help") {
      a.help = true;
    } else if (arg == "--rename" || arg.rfind("--rename=", 0) == 0) {
      const std::string rename = value("--rename");
      const auto eq = rename.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == rename.size()) {
        throw usage_error(fmt::format("--rename {}: expected OLD=NEW (users=members, or "
                                      "users.email=mail for a column)",
                                      rename),
                          program);
      }
      a.renames[rename.substr(0, eq)] = rename.substr(eq + 1);
    } else if (arg == "--format" || arg.rfind("--format=", 0) == 0) {
      a.format = value("--format");
      if (a.format != "cpp" && a.format != "json" && a.format != "sql") {
        throw usage_error(fmt::format("unknown --format \"{}\": use cpp, json or sql", a.format),
                          program);
      }
    } else if (arg.rfind("-", 0) == 0) {
      throw usage_error(fmt::format("unknown option {}", arg), program);
    } else if (a.verb.empty()) {
      a.verb = arg;
    } else {
      a.positional.push_back(arg);
    }
  }
  return a;
}

int exit_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::usage:
      return exit_usage;
    case ErrorCode::invalid_migration:
    case ErrorCode::parse_error:
    case ErrorCode::validation_failed:
      return exit_invalid;
    default:
      return exit_other;
  }
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The migrations `add` wrote into the directory: <version>_<name>.hpp.
std::vector<CppMigrationEntry> generated_migrations(const fs::path& dir) {
  static const std::regex file_name(R"(^(\d+)_([a-z0-9_]+)\.hpp$)");
  static const std::regex class_decl(
      R"(class\s+([A-Za-z_]\w*)\s*(?:final\s*)?:\s*public\s+(?:::)?migcmd::Migration\b)");
  std::vector<CppMigrationEntry> entries;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return entries;
  for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string file = it->path().filename().string();
    std::smatch m;
    if (!std::regex_match(file, m, file_name)) continue;
    CppMigrationEntry e{m[1].str(), m[2].str(), migration_class_name(m[2].str()), file};
    // The class as it is declared, in case a developer renamed it.
    const std::string text = detail::read_file_bytes(it->path());
    std::smatch c;
    if (std::regex_search(text, c, class_decl)) e.class_name = c[1].str();
    entries.push_back(std::move(e));
  }
  if (ec) {
    throw Error(ErrorCode::io_error,
                fmt::format("cannot read the directory {}: {}", dir.string(), ec.message()));
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return compare_versions(a.version, b.version) < 0;
  });
  return entries;
}

class Session {
 public:
  Session(const DesignTime& setup, std::ostream& out, std::ostream& err, std::string_view program)
      : setup_(setup), out_(out), err_(err), program_(program) {}

  int run(const Arguments& a) {
    const auto expect = [&](std::size_t count, std::string_view what) {
      if (a.positional.size() < count) {
        throw usage_error(fmt::format("{} needs {}", a.verb, what), program_);
      }
      if (a.positional.size() > count) {
        throw usage_error(
            fmt::format("{}: unexpected argument \"{}\"", a.verb, a.positional[count]), program_);
      }
    };
    if (a.verb == "add") {
      expect(1, "a NAME, e.g. `add add_email_to_users`");
      return add(a.positional[0], a.renames);
    }
    if (a.verb == "diff") {
      expect(0, "");
      return print_diff(a.format, a.renames);
    }
    if (a.verb == "check") {
      expect(0, "");
      return check(a.renames);
    }
    if (a.verb == "snapshot") {
      expect(0, "");
      return rebuild_snapshot();
    }
    throw usage_error(
        a.verb.empty() ? std::string("no verb given") : fmt::format("unknown verb \"{}\"", a.verb),
        program_);
  }

 private:
  [[nodiscard]] const Dialect* dialect() const {
    if (setup_.dialect) return setup_.dialect.get();
    if (setup_.provider) return &setup_.provider->dialect();
    return nullptr;
  }

  [[nodiscard]] std::string dialect_name() const {
    if (const Dialect* d = dialect()) return std::string(d->name());
    return {};
  }

  [[nodiscard]] fs::path snapshot_path() const {
    return setup_.snapshot.empty() ? setup_.directory / default_snapshot_file : setup_.snapshot;
  }

  // The registered migrations in version order.
  [[nodiscard]] std::vector<MigrationScript> registered() const {
    auto scripts = setup_.migrations.scripts();
    sort_migrations(scripts);
    return scripts;
  }

  [[nodiscard]] Snapshot replay(const std::vector<MigrationScript>& scripts) const {
    Snapshot snapshot;
    snapshot.dialect = dialect_name();
    for (const auto& script : scripts) {
      if (!script.code) continue;
      const std::string name = script.display_name();
      for (const auto& op : up_operations(*script.code, name)) {
        if (std::holds_alternative<RawSql>(op)) {
          err_ << fmt::format(
              "note: migration {} runs raw SQL; the snapshot cannot see what it changes\n", name);
        }
        try {
          apply_operation(snapshot.schema, op);
        } catch (Error& e) {
          e.add_context(fmt::format("replaying migration {}", name));
          throw;
        }
      }
      snapshot.last_version = script.version;
    }
    return snapshot;
  }

  // The snapshot file, or without one the registered migrations replayed (or nothing).
  [[nodiscard]] Snapshot base() const {
    const fs::path path = snapshot_path();
    std::error_code ec;
    if (fs::exists(path, ec)) {
      Snapshot snapshot = read_snapshot(path);
      const std::string name = dialect_name();
      if (!snapshot.dialect.empty() && !name.empty() && snapshot.dialect != name) {
        err_ << fmt::format(
            "note: the snapshot was compared with {} and the model now is with {}\n",
            snapshot.dialect, name);
      }
      return snapshot;
    }
    const auto scripts = registered();
    if (scripts.empty()) return Snapshot{{}, {}, dialect_name()};
    err_ << fmt::format(
        "note: no snapshot at {}: comparing with the {} registered migration(s) replayed\n",
        path.string(), scripts.size());
    return replay(scripts);
  }

  [[nodiscard]] SchemaDiff pending(const Snapshot& from,
                                   const std::map<std::string, std::string>& renames) const {
    const Schema model = setup_.model.schema();
    SchemaDiff d = diff(from.schema, model, DiffOptions{renames, dialect()});
    for (const auto& candidate : d.likely_renames) {
      err_ << fmt::format("possible rename: {} {} -> {}; if it is one, run again with {}\n",
                          candidate.kind, candidate.from, candidate.to, candidate.hint);
    }
    return d;
  }

  void list_changes(const OperationList& ops) const {
    for (const auto& op : ops) {
      out_ << fmt::format("  {} {}\n", is_destructive(op) ? "!" : "+", describe(op));
    }
  }

  [[nodiscard]] std::string next_version(const Snapshot& base,
                                         const std::vector<MigrationScript>& scripts) const {
    std::string version = next_migration_version(setup_.directory, SqlFileFormat::dbmate);
    std::vector<std::string> existing{base.last_version};
    for (const auto& s : scripts) existing.push_back(s.version);
    for (const auto& v : existing) {
      if (all_digits(v) && v.size() <= 19 && compare_versions(version, v) <= 0) {
        version = fmt::format("{:014}", std::stoull(v) + 1);
      }
    }
    return version;
  }

  int add(const std::string& name, const std::map<std::string, std::string>& renames) {
    if (!is_valid_migration_name(name)) {
      throw Error(ErrorCode::usage,
                  fmt::format("add: \"{}\" is not a valid migration name: use lower-case "
                              "letters, digits and _ only",
                              name),
                  fmt::format("e.g. `{} add add_email_to_users`", program_));
    }
    const auto scripts = registered();
    const auto generated = generated_migrations(setup_.directory);
    const std::string class_name = migration_class_name(name);
    for (const auto& s : scripts) {
      if (s.name == name) {
        throw Error(
            ErrorCode::usage,
            fmt::format("add: migration {} is already named \"{}\"", s.display_name(), name),
            "give the new migration another name");
      }
    }
    for (const auto& g : generated) {
      if (g.name == name || g.class_name == class_name) {
        throw Error(ErrorCode::usage,
                    fmt::format("add: {} already declares \"{}\" (class {})",
                                (setup_.directory / g.file).string(), g.name, g.class_name),
                    "give the new migration another name");
      }
    }

    const Snapshot from = base();
    if (!scripts.empty() && !from.last_version.empty() &&
        compare_versions(scripts.back().version, from.last_version) > 0) {
      err_ << fmt::format(
          "note: migration {} is newer than the snapshot ({}); if it changed the schema, "
          "rebuild the snapshot with `{} snapshot` first\n",
          scripts.back().display_name(), from.last_version, program_);
    }
    const SchemaDiff d = pending(from, renames);
    if (d.empty()) {
      out_ << "No changes: the model matches the snapshot"
           << (from.last_version.empty() ? std::string()
                                         : fmt::format(" (last migration {})", from.last_version))
           << ". Nothing written.\n";
      return 0;
    }

    CppMigration migration;
    migration.version = next_version(from, scripts);
    migration.name = name;
    migration.class_name = class_name;
    migration.cpp_namespace = setup_.cpp_namespace;
    migration.up = without_reversal_definitions(d.operations);
    migration.down = without_reversal_definitions(reverse(d.operations));

    const std::string file = fmt::format("{}_{}.hpp", migration.version, name);
    const fs::path path = setup_.directory / file;
    write_file_atomically(path, render_cpp_migration(migration));
    const fs::path index = setup_.directory / migrations_index_file;
    write_file_atomically(index, render_cpp_migrations_index(generated_migrations(setup_.directory),
                                                             setup_.cpp_namespace));
    write_snapshot(snapshot_path(),
                   Snapshot{setup_.model.schema(), migration.version, dialect_name()});

    out_ << fmt::format("Migration {}_{} ({} change(s), ! = may lose data):\n", migration.version,
                        name, migration.up.size());
    list_changes(d.operations);
    out_ << fmt::format("wrote {}\nwrote {}\nwrote {}\n", path.string(), index.string(),
                        snapshot_path().string());
    out_ << "Review the migration, then rebuild: register_migrations() in " << migrations_index_file
         << " adds it.\n";
    return 0;
  }

  int print_diff(const std::string& format, const std::map<std::string, std::string>& renames) {
    const Snapshot from = base();
    const SchemaDiff d = pending(from, renames);
    if (format == "json") {
      nlohmann::ordered_json doc = nlohmann::ordered_json::array();
      for (const auto& op : d.operations) doc.push_back(detail::operation_json(op));
      out_ << doc.dump(2) << "\n";
      return 0;
    }
    if (d.empty()) {
      out_ << "No changes: the model matches the snapshot.\n";
      return 0;
    }
    if (format == "sql") {
      const Dialect* sql = dialect();
      if (sql == nullptr) {
        throw Error(ErrorCode::usage, "diff --format sql needs a dialect",
                    "set DesignTime::dialect (or provider) in the design-time program");
      }
      for (const auto& command : sql->generate(d.operations, from.schema)) {
        out_ << command.sql << ";\n";
      }
      return 0;
    }
    out_ << render_cpp_operations(without_reversal_definitions(d.operations), "b", 0);
    return 0;
  }

  int check(const std::map<std::string, std::string>& renames) {
    const SchemaDiff d = pending(base(), renames);
    if (d.empty()) {
      out_ << "The model matches the snapshot: every change is in a migration.\n";
      return 0;
    }
    out_ << fmt::format("The model has {} change(s) that no migration makes:\n",
                        d.operations.size());
    list_changes(d.operations);
    out_ << fmt::format("Write the migration with `{} add NAME`.\n", program_);
    return exit_changes;
  }

  int rebuild_snapshot() {
    const auto scripts = registered();
    const Snapshot snapshot = replay(scripts);
    write_snapshot(snapshot_path(), snapshot);
    out_ << fmt::format(
        "wrote {} from {} migration(s){}\n", snapshot_path().string(), scripts.size(),
        snapshot.last_version.empty() ? std::string()
                                      : fmt::format(", the last {}", snapshot.last_version));
    return 0;
  }

  const DesignTime& setup_;
  std::ostream& out_;
  std::ostream& err_;
  std::string program_;
};

}  // namespace

int run_design_time(const std::vector<std::string>& args, const DesignTime& setup,
                    std::ostream& out, std::ostream& err, std::string_view program) {
  try {
    const Arguments a = parse(args, program);
    if (a.help) {
      out << usage(program);
      return 0;
    }
    return Session(setup, out, err, program).run(a);
  } catch (const Error& e) {
    err << fmt::format("{}: {}\n", program, e.message());
    if (!e.hint().empty()) err << fmt::format("hint: {}\n", e.hint());
    // Bad arguments: the usage follows.
    if (e.code() == ErrorCode::usage && e.hint().find("--help") != std::string::npos) {
      err << "\n" << usage(program);
    }
    return exit_status(e.code());
  } catch (const std::exception& e) {
    err << fmt::format("{}: internal error: {}\n", program, e.what());
    return exit_other;
  }
}

int design_time_main(int argc, char** argv, const DesignTime& setup) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  std::string program = argc > 0 && argv[0] != nullptr ? fs::path(argv[0]).filename().string()
                                                       : std::string("design");
  return run_design_time(args, setup, std::cout, std::cerr, program);
}

}  // namespace migcmd
