// SQLite statements in SQL migration files that only mean something outside the transaction the
// migrator runs each file in, or as a check: placed as the SQLite dialect places its own.

#include <cctype>
#include <regex>

#include "sqlite_dialect.hpp"

namespace migcmd::sqlite {

void SqliteDialect::place_file_statement(SqlCommand& command) const {
  static const std::regex foreign_keys_off(
      R"(^\s*PRAGMA\s+foreign_keys\s*=\s*(OFF|0|FALSE|NO)\s*;?\s*$)", std::regex::icase);
  static const std::regex foreign_keys_on(
      R"(^\s*PRAGMA\s+foreign_keys\s*=\s*(ON|1|TRUE|YES)\s*;?\s*$)", std::regex::icase);
  static const std::regex foreign_key_check(
      R"(^\s*PRAGMA\s+(main\.)?foreign_key_check\s*(\(\s*[^()]*\))?\s*;?\s*$)", std::regex::icase);
  // Comment lines before the statement (a scaffolded file describes each change) do not change it.
  std::string text = command.sql;
  static const std::regex leading_comments(R"(^(\s*--[^\n]*\n)+)");
  text = std::regex_replace(text, leading_comments, "", std::regex_constants::format_first_only);
  if (std::regex_match(text, foreign_keys_off)) {
    command.placement = Placement::before_transaction;
  } else if (std::regex_match(text, foreign_keys_on)) {
    command.placement = Placement::after_transaction;
  } else if (std::regex_match(text, foreign_key_check) && command.fail_if_rows.empty()) {
    command.fail_if_rows = "the migration leaves rows that violate a foreign key";
  }
}

}  // namespace migcmd::sqlite
