// Catalog text back to the model: types, defaults, check expressions.

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>

#include "mysql_reader.hpp"
#include "mysql_text.hpp"

namespace migcmd::mysql {
namespace {

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "name(12)" -> 12 when `text` is exactly `name` followed by one number in parentheses.
std::optional<int> one_argument(std::string_view text, std::string_view name) {
  if (!text.starts_with(name) || text.size() < name.size() + 3) return std::nullopt;
  std::string_view rest = text.substr(name.size());
  if (rest.front() != '(' || rest.back() != ')') return std::nullopt;
  rest = rest.substr(1, rest.size() - 2);
  int value = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
  if (ec != std::errc{} || end != rest.data() + rest.size()) return std::nullopt;
  return value;
}

std::optional<Type> decimal_type(std::string_view text) {
  if (!text.starts_with("decimal(") || text.back() != ')') return std::nullopt;
  const std::string_view args = text.substr(8, text.size() - 9);
  const auto comma = args.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  int precision = 0;
  int scale = 0;
  const auto p = std::from_chars(args.data(), args.data() + comma, precision);
  const auto s = std::from_chars(args.data() + comma + 1, args.data() + args.size(), scale);
  if (p.ec != std::errc{} || p.ptr != args.data() + comma || s.ec != std::errc{} ||
      s.ptr != args.data() + args.size()) {
    return std::nullopt;
  }
  return Type::decimal(precision, scale);
}

bool is_number(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == 'e' || c == 'E' ||
           c == '+' || c == '-';
  });
}

// A number as the model would have written it: integers (and decimals whose fraction is all
// zeros, which DECIMAL(p,s) prints as "0.00") as int64, anything else as double.
std::optional<Value> number_value(std::string_view text) {
  std::string_view whole = text;
  if (const auto dot = text.find('.');
      dot != std::string_view::npos && text.find_first_of("eE") == std::string_view::npos &&
      text.find_first_not_of('0', dot + 1) == std::string_view::npos) {
    whole = text.substr(0, dot);
  }
  if (!whole.empty() && whole.front() == '+') whole.remove_prefix(1);
  std::int64_t integer = 0;
  const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), integer);
  if (ec == std::errc{} && end == whole.data() + whole.size()) return Value{integer};
  double number = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), number);
  if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size()) return std::nullopt;
  return Value{number};
}

// The body of a MariaDB '...' literal: '' and the backslash escapes undone.
std::optional<std::string> unquote(std::string_view text) {
  if (text.size() < 2 || text.front() != '\'' || text.back() != '\'') return std::nullopt;
  const std::string_view body = text.substr(1, text.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\'') {
      if (i + 1 >= body.size() || body[i + 1] != '\'') return std::nullopt;  // two literals
      out += '\'';
      ++i;
    } else if (c == '\\' && i + 1 < body.size()) {
      const char e = body[++i];
      switch (e) {
        case '0':
          out += '\0';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'b':
          out += '\b';
          break;
        case 'Z':
          out += '\x1a';
          break;
        default:
          out += e;  // \\ \' \" and any other escaped character stand for themselves
      }
    } else {
      out += c;
    }
  }
  return out;
}

// Reserved words: they stay quoted as column names in a check expression, and are upper-cased as
// keywords.
constexpr std::array<std::string_view, 72> reserved{
    "add",          "all",          "alter",
    "and",          "as",           "asc",
    "between",      "by",           "case",
    "change",       "check",        "collate",
    "column",       "condition",    "constraint",
    "convert",      "create",       "cross",
    "current_date", "current_time", "current_timestamp",
    "database",     "default",      "delete",
    "desc",         "distinct",     "div",
    "drop",         "else",         "exists",
    "false",        "for",          "foreign",
    "from",         "group",        "having",
    "if",           "in",           "index",
    "inner",        "insert",       "interval",
    "is",           "join",         "key",
    "keys",         "left",         "like",
    "limit",        "match",        "mod",
    "not",          "null",         "on",
    "or",           "order",        "primary",
    "range",        "references",   "regexp",
    "right",        "rlike",        "select",
    "set",          "table",        "then",
    "to",           "true",         "union",
    "unique",       "when",         "where"};

bool plain_identifier(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  const bool simple = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  });
  return simple && std::find(reserved.begin(), reserved.end(), to_lower(name)) == reserved.end();
}

}  // namespace

Type type_from_catalog(std::string_view column_type) {
  const std::string t = to_lower(trim(column_type));
  if (t == "tinyint(1)") return Type::boolean();
  if (t == "smallint(6)" || t == "smallint") return Type::int16();
  if (t == "int(11)" || t == "int") return Type::int32();
  if (t == "bigint(20)" || t == "bigint") return Type::int64();
  if (auto d = decimal_type(t)) return *d;
  if (t == "float") return Type::float32();
  if (t == "double") return Type::float64();
  if (auto n = one_argument(t, "varchar")) return Type::string(*n);
  if (t == "longtext") return Type::text();
  if (t == "longblob") return Type::binary();
  if (auto n = one_argument(t, "varbinary")) return Type::binary(*n);
  if (t == "date") return Type::date();
  if (t == "time(6)") return Type::time();
  if (t == "datetime(6)") return Type::datetime();
  if (t == "timestamp(6)") return Type::timestamp_tz();
  if (t == "char(36)") return Type::uuid();
  if (t == "json") return Type::json();  // MySQL's own JSON type
  return Type::raw(std::string(trim(column_type)));
}

std::optional<ColumnDefault> default_from_catalog(const std::optional<std::string>& text,
                                                  const Type& type) {
  // MariaDB says NULL both for no default and for DEFAULT NULL: both read as no default.
  if (!text || to_upper(*text) == "NULL") return std::nullopt;
  const std::string_view sql = trim(*text);
  if (auto s = unquote(sql)) {
    // The dialect's DATETIME(6), TIMESTAMP(6) and TIME(6) show a default written
    // '2000-01-01 00:00:00' as '2000-01-01 00:00:00.000000': back to the text that was written.
    const bool temporal = type.store_type.empty() &&
                          (type.kind == TypeKind::datetime || type.kind == TypeKind::timestamp_tz ||
                           type.kind == TypeKind::time);
    const auto dot = s->rfind('.');
    if (temporal && dot != std::string::npos && dot + 1 < s->size() &&
        s->find_first_not_of('0', dot + 1) == std::string::npos) {
      s->erase(dot);
    }
    return ColumnDefault{Value{std::move(*s)}};
  }
  if (type.kind == TypeKind::boolean && type.store_type.empty() && (sql == "0" || sql == "1")) {
    return ColumnDefault{Value{sql == "1"}};
  }
  if (is_number(sql)) {
    if (auto number = number_value(sql.front() == '+' ? sql.substr(1) : sql)) {
      return ColumnDefault{std::move(*number)};
    }
  }
  const std::string lower = to_lower(sql);
  // The dialect turns CURRENT_TIMESTAMP into CURRENT_TIMESTAMP(6) on its DATETIME(6) and
  // TIMESTAMP(6) columns, and MariaDB shows a bare one as current_timestamp(): both read back as
  // the portable spelling, which renders to the same DDL again.
  const bool fractional = type.store_type.empty() &&
                          (type.kind == TypeKind::datetime || type.kind == TypeKind::timestamp_tz);
  if (lower == "current_timestamp()" || (fractional && lower == "current_timestamp(6)")) {
    return ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}};
  }
  return ColumnDefault{SqlExpression{std::string(sql)}};
}

std::string check_from_catalog(std::string_view clause) {
  std::string_view text = trim(clause);
  while (fully_parenthesized(text)) text = trim(text.substr(1, text.size() - 2));
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\'' || c == '"') {  // a string literal, copied as it is
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != c) j += text[j] == '\\' ? 2 : 1;
      out.append(text.substr(i, std::min(j, text.size() - 1) - i + 1));
      i = j;
    } else if (c == '`') {
      std::size_t j = i + 1;
      std::string name;
      while (j < text.size()) {
        if (text[j] == '`') {
          if (j + 1 < text.size() && text[j + 1] == '`') {
            name += '`';
            j += 2;
            continue;
          }
          break;
        }
        name += text[j++];
      }
      if (plain_identifier(name)) {
        out += name;
      } else {
        out.append(text.substr(i, std::min(j, text.size() - 1) - i + 1));
      }
      i = j;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      // MariaDB prints keywords in lower case: back to the usual upper case (they are reserved,
      // so never a bare column name).
      std::size_t j = i;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) ||
                                 text[j] == '_' || text[j] == '$')) {
        ++j;
      }
      const std::string word(text.substr(i, j - i));
      const bool keyword =
          std::find(reserved.begin(), reserved.end(), to_lower(word)) != reserved.end();
      out += keyword && (j >= text.size() || text[j] != '(') ? to_upper(word) : word;
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace migcmd::mysql
