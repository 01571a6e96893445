#pragma once
// Scaffolding of the next migration: file names and versions that sort after the existing ones,
// SQL files in each supported format, and C++ migration classes written with the builder
// vocabulary (readable, formatted, and compiling back to exactly the operations they came from).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/operations.hpp"

namespace migcmd {

// The four SQL file formats of sql_migrations.hpp.
enum class SqlFileFormat {
  dbmate,          // 20250114120000_name.sql with -- migrate:up / -- migrate:down
  flyway,          // V3__name.sql, undo U3__name.sql
  golang_migrate,  // 000003_name.up.sql / 000003_name.down.sql
  migcmd,          // V003_20250114_name.sql with a header and UP / DOWN sections
};

[[nodiscard]] std::string_view to_string(SqlFileFormat format) noexcept;  // "dbmate"...
// "dbmate", "flyway", "golang-migrate" (or "golang_migrate"), "migcmd".
[[nodiscard]] std::optional<SqlFileFormat> sql_file_format_from_string(
    std::string_view text) noexcept;

// The format most migration files in `dir` are written in; dbmate when it has none (or does not
// exist).
[[nodiscard]] SqlFileFormat detect_sql_file_format(const std::filesystem::path& dir);

// A version that sorts after every migration in `dir`:
//   dbmate   the current UTC time yyyymmddHHMMSS, or one more than the newest numbered file when
//            that is not older (two files within a second, a clock behind the last author's)
//   flyway, golang-migrate, migcmd
//            the newest version's last number plus one, as wide as it was ("000003" after
//            "000002", "1.3" after "1.2"); timestamp versions get the dbmate rule. With no
//            files: "1" (flyway), "000001" (golang-migrate), "001" (migcmd).
// (migcmd files carry their date in the name beside a sequence number: V004_20250114_x.sql.)
[[nodiscard]] std::string next_migration_version(const std::filesystem::path& dir,
                                                 SqlFileFormat format);

// Lower-case letters, digits and _, not empty: what a migration's NAME may be.
[[nodiscard]] bool is_valid_migration_name(std::string_view name) noexcept;

struct ScaffoldedFile {
  std::filesystem::path path;
  std::string content;
};

// The file(s) of a SQL migration, not written. `up_sql` and `down_sql` are statements rendered
// by a dialect (without or with their final ';'). An empty `down_sql` means the change is not
// reversible: no down section or file is written and the up file says so in a comment, so that
// rolling it back is refused instead of silently doing nothing. `dialect` ("sqlserver"...)
// separates SQL Server statements with GO and fills the migcmd format's "-- Database:" header.
[[nodiscard]] std::vector<ScaffoldedFile> scaffold_sql_migration(
    const std::filesystem::path& dir, SqlFileFormat format, const std::string& version,
    const std::string& name, const std::vector<std::string>& up_sql,
    const std::vector<std::string>& down_sql, std::string_view dialect = {});

// "add_email" -> "AddEmail"; a leading digit gets a "Migration" prefix.
[[nodiscard]] std::string migration_class_name(const std::string& name);

// The builder calls that append exactly `ops`, one statement per operation, each line indented
// by `indent` spaces: `b.create_table("users", [](migcmd::TableBuilder& t) { ... });`.
[[nodiscard]] std::string render_cpp_operations(const OperationList& ops,
                                                std::string_view builder = "b", int indent = 4);

struct CppMigration {
  std::string version;
  std::string name;
  std::string class_name;
  OperationList up;  // empty: a skeleton with an example in a comment
  // std::nullopt: no down() is written, the base class derives it by reverse().
  std::optional<OperationList> down;
  // The C++ namespace the class is declared in ("app::migrations"); empty: the global one.
  std::string cpp_namespace;
};

// A header holding the migration class, with the line that registers it in a comment.
[[nodiscard]] std::string render_cpp_migration(const CppMigration& migration);

// The same operations without what a drop or a change carries only to be reversible (the
// definition of what is dropped, a column's and a comment's previous state): the up() of a
// migration that has an explicit down() reads as a human would write it. Dialects take those
// definitions from the schema they render against.
[[nodiscard]] OperationList without_reversal_definitions(OperationList ops);

// One generated migration as the migrations index header lists it.
struct CppMigrationEntry {
  std::string version;
  std::string name;
  std::string class_name;
  std::string file;  // the header's file name, relative to the index header
};

// The header that includes every generated migration and defines
// `inline void register_migrations(migcmd::MigrationRegistry&)` adding them in order.
[[nodiscard]] std::string render_cpp_migrations_index(const std::vector<CppMigrationEntry>& entries,
                                                      std::string_view cpp_namespace);

}  // namespace migcmd
