// Declared types and default texts back to the portable model: the inverse of
// SqliteDialect::type_sql and SqliteDialect::default_clause.

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "detail/hex.hpp"
#include "sqlite_reader.hpp"
#include "sqlite_sql_parser.hpp"

namespace migcmd::sqlite {
namespace {

// Upper case without whitespace next to parentheses and commas, runs of spaces as one:
// "varchar( 10 )" -> "VARCHAR(10)".
std::string normalise_type(std::string_view declared) {
  std::string out;
  bool space = false;
  for (char c : declared) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    const bool tight = c == '(' || c == ')' || c == ',' ||
                       (!out.empty() && (out.back() == '(' || out.back() == ','));
    if (space && !tight) out += ' ';
    space = false;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::optional<int> to_int(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "NAME(a)" or "NAME(a,b)" with whole-number arguments: the arguments.
std::optional<std::pair<int, std::optional<int>>> sized(std::string_view type,
                                                        std::string_view name) {
  if (type.size() < name.size() + 3 || type.substr(0, name.size()) != name ||
      type[name.size()] != '(' || type.back() != ')') {
    return std::nullopt;
  }
  const std::string_view args = type.substr(name.size() + 1, type.size() - name.size() - 2);
  const auto comma = args.find(',');
  const auto first = to_int(args.substr(0, comma));
  if (!first) return std::nullopt;
  if (comma == std::string_view::npos) return std::pair{*first, std::optional<int>{}};
  const auto second = to_int(args.substr(comma + 1));
  if (!second) return std::nullopt;
  return std::pair{*first, second};
}

std::optional<Value> number(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  const char* first = text.data();
  const char* last = text.data() + text.size();
  std::int64_t i = 0;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    // SQLite reads hex literals as 64-bit two's complement integers.
    std::uint64_t u = 0;
    const auto [end, ec] = std::from_chars(first + 2, last, u, 16);
    if (ec != std::errc() || end != last) return std::nullopt;
    i = static_cast<std::int64_t>(u);
    return Value(negative ? -i : i);
  }
  if (text.find_first_of(".eE") == std::string_view::npos) {
    const auto [end, ec] = std::from_chars(first, last, i);
    if (ec == std::errc() && end == last) return Value(negative ? -i : i);
  }
  double d = 0;
  const auto [end, ec] = std::from_chars(first, last, d);
  if (ec != std::errc() || end != last) return std::nullopt;
  return Value(negative ? -d : d);
}

}  // namespace

Type type_from_declared(std::string_view declared) {
  const std::string t = normalise_type(declared);
  if (t == "BOOLEAN") return Type::boolean();
  if (t == "SMALLINT") return Type::int16();
  if (t == "INT") return Type::int32();
  // INTEGER is what an identity column is declared as (the rowid alias).
  if (t == "INTEGER" || t == "BIGINT") return Type::int64();
  if (t == "NUMERIC") return Type{TypeKind::decimal};
  if (const auto args = sized(t, "NUMERIC")) {
    return {TypeKind::decimal, std::nullopt, args->first, args->second, {}};
  }
  if (t == "REAL") return Type::float32();
  if (t == "DOUBLE") return Type::float64();
  if (t == "VARCHAR") return Type{TypeKind::string};
  if (const auto args = sized(t, "VARCHAR"); args && !args->second) {
    return Type::string(args->first);
  }
  if (t == "TEXT") return Type::text();
  if (t == "BLOB") return Type::binary();
  if (const auto args = sized(t, "BLOB"); args && !args->second) return Type::binary(args->first);
  if (t == "DATE") return Type::date();
  if (t == "TIME") return Type::time();
  if (t == "DATETIME") return Type::datetime();
  if (t == "TIMESTAMPTZ") return Type::timestamp_tz();
  if (t == "UUID TEXT") return Type::uuid();
  if (t == "JSON TEXT") return Type::json();
  return Type::raw(std::string(declared));
}

ColumnDefault default_from_sql(std::string_view sql, const Type& column_type) {
  const std::vector<Token> tokens = tokenize(sql);
  const auto keyword = [&](std::string_view word) {
    if (tokens.size() != 1 || tokens[0].kind != TokenKind::word) return false;
    return normalise_type(tokens[0].value) == word;
  };
  std::optional<Value> value;
  if (tokens.size() == 1 && tokens[0].kind == TokenKind::string) {
    value = Value(tokens[0].value);
  } else if (tokens.size() == 1 && tokens[0].kind == TokenKind::blob) {
    const std::string& x = tokens[0].value;  // X'...'
    try {
      value = Value(detail::from_hex(std::string_view(x).substr(2, x.size() - 3)));
    } catch (const std::invalid_argument&) {
      // not a valid blob literal: SQLite would have refused it; keep the text
    }
  } else if (keyword("NULL")) {
    value = Value();
  } else if (keyword("TRUE") || keyword("FALSE")) {
    value = Value(keyword("TRUE"));
  } else if (!tokens.empty() && tokens.back().kind == TokenKind::number &&
             (tokens.size() == 1 || (tokens.size() == 2 && tokens[0].kind == TokenKind::symbol &&
                                     (tokens[0].value == "-" || tokens[0].value == "+")))) {
    value = number(tokens.size() == 1 ? tokens[0].value : tokens[0].value + tokens[1].value);
  }
  if (!value) return SqlExpression{std::string(sql)};
  // The dialect writes booleans as 1 and 0 (SQLite has no boolean storage class).
  if (column_type.kind == TypeKind::boolean && column_type.store_type.empty() &&
      value->holds<std::int64_t>()) {
    const auto i = value->get<std::int64_t>();
    if (i == 0 || i == 1) value = Value(i == 1);
  }
  return *value;
}

}  // namespace migcmd::sqlite
