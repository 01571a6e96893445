// SQLite statements in SQL migration files that only mean something outside the transaction the
// migrator runs each file in, or as a check: placed as the SQLite dialect places its own.

#include <cctype>
#include <regex>
#include <string>
#include <string_view>

#include "sqlite_dialect.hpp"

namespace migcmd::sqlite {

namespace {

// The statement without the comment lines before it (a scaffolded file describes each change).
std::string_view without_leading_comments(std::string_view sql) {
  while (true) {
    const auto start = sql.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    sql.remove_prefix(start);
    if (!sql.starts_with("--")) return sql;
    const auto end = sql.find('\n');
    if (end == std::string_view::npos) return {};
    sql.remove_prefix(end + 1);
  }
}

bool starts_with_pragma(std::string_view sql) {
  constexpr std::string_view pragma = "pragma";
  if (sql.size() < pragma.size()) return false;
  for (std::size_t i = 0; i < pragma.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(sql[i])) != pragma[i]) return false;
  }
  return true;
}

}  // namespace

void SqliteDialect::place_file_statement(SqlCommand& command) const {
  // Runs for every statement of every SQLite file: the cheap test first, regexes only on PRAGMAs.
  const std::string_view text = without_leading_comments(command.sql);
  if (!starts_with_pragma(text)) return;
  static const std::regex foreign_keys_off(
      R"(PRAGMA\s+foreign_keys\s*=\s*(OFF|0|FALSE|NO)\s*;?\s*)", std::regex::icase);
  static const std::regex foreign_keys_on(R"(PRAGMA\s+foreign_keys\s*=\s*(ON|1|TRUE|YES)\s*;?\s*)",
                                          std::regex::icase);
  static const std::regex foreign_key_check(
      R"(PRAGMA\s+(main\.)?foreign_key_check\s*(\(\s*[^()]*\))?\s*;?\s*)", std::regex::icase);
  const std::string pragma(text);
  if (std::regex_match(pragma, foreign_keys_off)) {
    command.placement = Placement::before_transaction;
  } else if (std::regex_match(pragma, foreign_keys_on)) {
    command.placement = Placement::after_transaction;
  } else if (std::regex_match(pragma, foreign_key_check) && command.fail_if_rows.empty()) {
    command.fail_if_rows = "the migration leaves rows that violate a foreign key";
  }
}

}  // namespace migcmd::sqlite
