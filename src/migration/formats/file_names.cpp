// Format detection by file name. The order matters: golang-migrate's NNN_x.up.sql would also
// look like a dbmate name, and Flyway's V1__x.sql is told from migcmd's V001_20250114_x.sql by
// its double underscore.

#include <algorithm>

#include "migration/formats/formats.hpp"

namespace migcmd::detail {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

bool strip_suffix(std::string_view& s, std::string_view suffix) {
  if (s.size() <= suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
  s.remove_suffix(suffix.size());
  return true;
}

// "<digits>_<name>" -> version and name.
bool number_and_name(std::string_view stem, MigrationFileName& out) {
  std::size_t sep = stem.find('_');
  if (sep == std::string_view::npos || !all_digits(stem.substr(0, sep)) || sep + 1 == stem.size()) {
    return false;
  }
  out.version = std::string(stem.substr(0, sep));
  out.name = std::string(stem.substr(sep + 1));
  return true;
}

std::optional<MigrationFileName> golang_migrate(std::string_view stem) {
  MigrationFileName f;
  f.format = SourceFormat::golang_migrate;
  if (strip_suffix(stem, ".down")) {
    f.down = true;
  } else if (!strip_suffix(stem, ".up")) {
    return std::nullopt;
  }
  if (!number_and_name(stem, f)) return std::nullopt;
  return f;
}

// V1_2__name, U1_2__name, R__name.
std::optional<MigrationFileName> flyway(std::string_view stem) {
  if (stem.size() < 4) return std::nullopt;
  MigrationFileName f;
  f.format = SourceFormat::flyway;
  if (stem[0] == 'R' && stem.substr(1, 2) == "__") {
    f.kind = MigrationKind::repeatable;
    f.name = std::string(stem.substr(3));
    if (f.name.empty()) return std::nullopt;
    return f;
  }
  if (stem[0] != 'V' && stem[0] != 'U') return std::nullopt;
  f.down = stem[0] == 'U';
  std::size_t sep = stem.find("__", 1);
  if (sep == std::string_view::npos || sep + 2 == stem.size()) return std::nullopt;
  std::string_view version = stem.substr(1, sep - 1);
  if (version.empty() || !is_digit(version[0])) return std::nullopt;
  for (char c : version) {
    if (!is_digit(c) && c != '.' && c != '_') return std::nullopt;
  }
  f.version = std::string(version);
  std::replace(f.version.begin(), f.version.end(), '_', '.');
  f.name = std::string(stem.substr(sep + 2));
  return f;
}

// V<number>_<YYYYMMDD>_<name>
std::optional<MigrationFileName> migcmd_sql(std::string_view stem) {
  if (stem.empty() || stem[0] != 'V') return std::nullopt;
  stem.remove_prefix(1);
  MigrationFileName f;
  f.format = SourceFormat::migcmd_sql;
  if (!number_and_name(stem, f)) return std::nullopt;
  std::string_view rest = f.name;
  if (rest.size() < 10 || !all_digits(rest.substr(0, 8)) || rest[8] != '_') return std::nullopt;
  f.date = std::string(rest.substr(0, 8));
  f.name = std::string(rest.substr(9));
  return f;
}

std::optional<MigrationFileName> dbmate(std::string_view stem) {
  MigrationFileName f;
  f.format = SourceFormat::dbmate;
  if (!number_and_name(stem, f)) return std::nullopt;
  return f;
}

}  // namespace

std::optional<MigrationFileName> classify_file_name(std::string_view file_name) {
  std::string_view stem = file_name;
  if (!strip_suffix(stem, ".sql")) return std::nullopt;
  if (auto f = golang_migrate(stem)) return f;
  if (auto f = flyway(stem)) return f;
  if (auto f = migcmd_sql(stem)) return f;
  return dbmate(stem);
}

}  // namespace migcmd::detail
