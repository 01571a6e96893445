// Column definitions: type, collation, nullability, default, AUTO_INCREMENT and comment, in the
// order both MySQL and MariaDB accept.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "migcmd/error.hpp"
#include "mysql_dialect.hpp"
#include "mysql_text.hpp"
#include "mysql_types.hpp"

namespace migcmd::mysql {
namespace {

constexpr std::size_t max_column_comment = 1024;

bool is_current_timestamp(std::string_view expression) {
  std::string compact;
  for (char c : to_upper(expression)) {
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  }
  constexpr std::array<std::string_view, 7> names{
      "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP()", "NOW()",      "LOCALTIMESTAMP",
      "LOCALTIMESTAMP()",  "LOCALTIME",           "LOCALTIME()"};
  return std::find(names.begin(), names.end(), compact) != names.end();
}

// A number, a quoted string, NULL, TRUE or FALSE: a DEFAULT both servers take without
// parentheses (except on TEXT/BLOB/JSON columns).
bool is_plain_literal(std::string_view expression) {
  const std::string upper = to_upper(expression);
  if (upper == "NULL" || upper == "TRUE" || upper == "FALSE") return true;
  if (expression.size() >= 2 && expression.front() == '\'' && expression.back() == '\'') {
    return expression.find('\'', 1) == expression.size() - 1;  // one string, nothing after it
  }
  std::string_view digits = expression;
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) digits.remove_prefix(1);
  return !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == 'e' || c == 'E' ||
           c == '+' || c == '-';
  }) && std::isdigit(static_cast<unsigned char>(digits.front())) != 0;
}

bool valid_collation(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  });
}

}  // namespace

std::string MySqlDialect::default_sql(const Column& column, const QualifiedName& table) const {
  const auto& value = *column.default_value;
  const bool large = is_large_object(column.type);
  if (const auto* v = std::get_if<Value>(&value)) {
    if (v->is_null()) {
      if (!column.nullable) {
        throw Rejection{fmt::format("give the NOT NULL column {}.{} the default NULL",
                                    to_string(table), column.name),
                        "drop the default, or make the column nullable"};
      }
      return "DEFAULT NULL";
    }
    // TEXT, BLOB and JSON take no literal default in MySQL, only an expression (8.0.13+), which
    // MariaDB accepts too.
    return large ? fmt::format("DEFAULT ({})", literal(*v)) : "DEFAULT " + literal(*v);
  }
  const std::string_view expression = trim(std::get<SqlExpression>(value).sql);
  if (expression.empty()) {
    throw Rejection{
        fmt::format("give column {}.{} an empty default expression", to_string(table), column.name),
        "drop the default instead"};
  }
  if (is_current_timestamp(expression)) {
    // MySQL requires the default's fractional precision to match the column's.
    if (is_fractional_datetime(column.type)) return "DEFAULT CURRENT_TIMESTAMP(6)";
    return fmt::format("DEFAULT {}", expression);
  }
  for (const char* keyword : {"CURRENT_TIMESTAMP", "NOW(", "LOCALTIME"}) {
    if (starts_with_ci(expression, keyword)) return fmt::format("DEFAULT {}", expression);
  }
  if (fully_parenthesized(expression) || (!large && is_plain_literal(expression)) ||
      to_upper(expression) == "NULL") {
    return fmt::format("DEFAULT {}", expression);
  }
  // Any other expression must be parenthesised for MySQL (8.0.13+); MariaDB accepts it too.
  return fmt::format("DEFAULT ({})", expression);
}

std::string MySqlDialect::column_sql(const Column& column, const QualifiedName& table,
                                     bool in_primary_key) const {
  std::string out =
      fmt::format("{} {}", quote_identifier(column.name), store_type_sql(column.type));
  if (!column.collation.empty()) {
    if (!valid_collation(column.collation)) {
      throw Rejection{fmt::format("use the collation \"{}\" for column {}.{}",
                                  printable(column.collation), to_string(table), column.name),
                      "a MySQL collation name has only letters, digits and '_' (utf8mb4_bin)"};
    }
    out += " COLLATE " + column.collation;
  }
  if (!column.nullable || in_primary_key) {
    out += " NOT NULL";
  } else if (is_timestamp(column.type)) {
    // Spelled out: with explicit_defaults_for_timestamp off (MariaDB before 10.10), a bare
    // TIMESTAMP column becomes NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP.
    out += " NULL";
  }
  if (column.identity) {
    if (!is_auto_increment_type(column.type)) {
      throw Rejection{fmt::format("make column {}.{} AUTO_INCREMENT: it is {}", to_string(table),
                                  column.name, describe(column.type)),
                      "identity columns must be integers (int16, int32, int64)"};
    }
    if (column.default_value) {
      throw Rejection{fmt::format("give the AUTO_INCREMENT column {}.{} a default",
                                  to_string(table), column.name),
                      "drop the default: the server numbers the rows"};
    }
    out += " " + identity_clause(column);
  } else if (column.default_value) {
    out += " " + default_sql(column, table);
  }
  if (!column.comment.empty()) {
    const auto info = utf8_info(column.comment);
    if (info && info->characters > max_column_comment) {
      throw Rejection{
          fmt::format("store the comment of column {}.{}: it has {} characters and "
                      "MySQL allows {}",
                      to_string(table), column.name, info->characters, max_column_comment),
          "shorten the comment"};
    }
    out += " COMMENT " + text_literal(column.comment);
  }
  return out;
}

std::string MySqlDialect::column_definition(const Column& column,
                                            const QualifiedName& table) const {
  try {
    return column_sql(column, table, false);
  } catch (const Rejection& r) {
    throw Error(ErrorCode::unsupported_operation, fmt::format("mysql cannot {}", r.what), r.hint);
  }
}

std::string MySqlDialect::identity_clause(const Column&) const {
  return "AUTO_INCREMENT";
}

}  // namespace migcmd::mysql
