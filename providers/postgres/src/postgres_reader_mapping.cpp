// The catalog's text back into the portable model: types, defaults and expressions.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "postgres_reader.hpp"

namespace migcmd::postgres {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The number inside "name(<n>)" or "name(<p>,<s>)", when `formatted` is exactly that.
std::optional<std::vector<int>> type_arguments(std::string_view formatted, std::string_view name) {
  if (!starts_with(formatted, name) || formatted.size() <= name.size() + 2 ||
      formatted[name.size()] != '(' || formatted.back() != ')') {
    return std::nullopt;
  }
  std::vector<int> out;
  std::string_view rest = formatted.substr(name.size() + 1, formatted.size() - name.size() - 2);
  while (true) {
    int n = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), n);
    if (ec != std::errc{}) return std::nullopt;
    out.push_back(n);
    rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    if (rest.empty()) return out;
    if (rest.front() != ',') return std::nullopt;
    rest.remove_prefix(1);
  }
}

bool is_integer_text(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool is_number_text(std::string_view text) {
  if (text.empty()) return false;
  double d = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  return ec == std::errc{} && end == text.data() + text.size();
}

// A number as a Value: int64 when it is an integer that fits, else double.
Value number_value(std::string_view text) {
  if (is_integer_text(text)) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec == std::errc{} && end == text.data() + text.size()) return Value{n};
  }
  double d = 0;
  std::from_chars(text.data(), text.data() + text.size(), d);
  return Value{d};
}

// The contents of a string literal starting at text[0] ('...' or E'...'), and where it ends.
std::optional<std::pair<std::string, std::size_t>> string_literal_at(std::string_view text) {
  std::size_t i = 0;
  const bool escapes = !text.empty() && (text[0] == 'E' || text[0] == 'e');
  if (escapes) ++i;
  if (i >= text.size() || text[i] != '\'') return std::nullopt;
  std::string out;
  for (++i; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\'') {
      if (i + 1 < text.size() && text[i + 1] == '\'') {
        out += '\'';
        ++i;
        continue;
      }
      return std::pair{out, i + 1};
    }
    if (escapes && c == '\\' && i + 1 < text.size()) {
      const char e = text[++i];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        default:
          out += e;
          break;
      }
      continue;
    }
    out += c;
  }
  return std::nullopt;
}

// A type name after "::": letters, digits, spaces, parentheses and commas only (so that
// "'a'::text || 'b'::text" is not one literal).
bool is_type_name(std::string_view text) {
  return !text.empty() && text.find(" COLLATE ") == std::string_view::npos &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) {
           return std::isalnum(c) || c == ' ' || c == '(' || c == ')' || c == ',' || c == '_' ||
                  c == '"' || c == '.';
         });
}

bool is_numeric_type(std::string_view type) {
  return type == "integer" || type == "bigint" || type == "smallint" || type == "numeric" ||
         type == "double precision" || type == "real" || starts_with(type, "numeric(");
}

std::optional<Bytes> hex_bytes(std::string_view hex) {
  if (hex.size() % 2) return std::nullopt;
  Bytes out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    unsigned v = 0;
    const auto [end, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, v, 16);
    if (ec != std::errc{} || end != hex.data() + i + 2) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>(v));
  }
  return out;
}

// ---- expressions ------------------------------------------------------------------------------

enum class Tok { space, word, quoted, number, string, cast, op, punct };

struct Token {
  Tok kind;
  std::string text;
};

bool is_op_char(char c) {
  return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos;
}

std::vector<Token> tokenise(const std::string& sql) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto take = [&](Tok kind, std::size_t end) {
    out.push_back({kind, sql.substr(i, end - i)});
    i = end;
  };
  while (i < sql.size()) {
    const auto c = static_cast<unsigned char>(sql[i]);
    std::size_t j = i + 1;
    if (std::isspace(c)) {
      while (j < sql.size() && std::isspace(static_cast<unsigned char>(sql[j]))) ++j;
      take(Tok::space, j);
    } else if (c == '\'' || ((c == 'E' || c == 'e') && j < sql.size() && sql[j] == '\'')) {
      const auto lit = string_literal_at(std::string_view(sql).substr(i));
      take(Tok::string, lit ? i + lit->second : sql.size());
    } else if (c == '"') {
      while (j < sql.size()) {
        if (sql[j] == '"' && !(j + 1 < sql.size() && sql[j + 1] == '"')) break;
        j += sql[j] == '"' ? 2 : 1;
      }
      take(Tok::quoted, std::min(j + 1, sql.size()));
    } else if (std::isalpha(c) || c == '_') {
      while (j < sql.size() &&
             (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_' || sql[j] == '$')) {
        ++j;
      }
      take(Tok::word, j);
    } else if (std::isdigit(c)) {
      while (j < sql.size() &&
             (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '.')) {
        ++j;
      }
      take(Tok::number, j);
    } else if (c == ':' && j < sql.size() && sql[j] == ':') {
      take(Tok::cast, j + 1);
    } else if (is_op_char(static_cast<char>(c))) {
      while (j < sql.size() && is_op_char(sql[j])) ++j;
      take(Tok::op, j);
    } else {
      take(Tok::punct, j);
    }
  }
  return out;
}

bool is_comparison(const Token& t) {
  return t.kind == Tok::op && (t.text == "=" || t.text == "<>" || t.text == "!=" || t.text == "<" ||
                               t.text == "<=" || t.text == ">" || t.text == ">=");
}

class Normaliser {
 public:
  Normaliser(std::vector<Token> tokens, const std::map<std::string, std::string>& column_types)
      : t_(std::move(tokens)), types_(column_types) {}

  std::string run() {
    drop_varchar_column_casts();
    restore_in_lists();
    drop_literal_casts();
    std::string out;
    for (const auto& t : t_) out += t.text;
    return out;
  }

 private:
  // The index of the next (dir = +1) or previous (-1) token that is not a space, or -1.
  [[nodiscard]] long step(long i, int dir) const {
    for (i += dir; i >= 0 && i < static_cast<long>(t_.size()); i += dir) {
      if (t_[static_cast<std::size_t>(i)].kind != Tok::space) return i;
    }
    return -1;
  }
  [[nodiscard]] const Token* at(long i) const {
    return i < 0 || i >= static_cast<long>(t_.size()) ? nullptr : &t_[static_cast<std::size_t>(i)];
  }
  [[nodiscard]] bool text_at(long i, std::string_view text) const {
    return at(i) && at(i)->text == text;
  }
  // The column type of a column-name token, or empty.
  [[nodiscard]] std::string column_type(long i) const {
    const Token* t = at(i);
    if (!t) return {};
    std::string name;
    if (t->kind == Tok::word) {
      name = t->text;
    } else if (t->kind == Tok::quoted) {
      for (std::size_t k = 1; k + 1 < t->text.size(); ++k) {
        name += t->text[k];
        if (t->text[k] == '"') ++k;
      }
    } else {
      return {};
    }
    const Token* before = at(step(i, -1));
    if (before && (before->text == "." || before->kind == Tok::cast)) return {};
    const auto found = types_.find(name);
    return found == types_.end() ? std::string{} : found->second;
  }
  // Removes tokens [from, to] (both inclusive).
  void erase(long from, long to) { t_.erase(t_.begin() + from, t_.begin() + to + 1); }
  // The end of a run of "::type" casts after token i whose types are all in `allowed`, or i.
  [[nodiscard]] long casts_end(long i, const std::vector<std::string_view>& allowed) const {
    long end = i;
    while (true) {
      const long c = step(end, 1), type = step(c, 1);
      if (!at(c) || at(c)->kind != Tok::cast || !at(type) || at(type)->kind != Tok::word) break;
      if (std::find(allowed.begin(), allowed.end(), at(type)->text) == allowed.end()) break;
      const Token* after = at(step(type, 1));
      if (after && (after->text == "[" || after->text == "(" || after->text == ".")) break;
      end = type;
    }
    return end;
  }

  // The index of the last token of a "::<type>" cast right after token i (one of the types in
  // `allowed`, "character varying" being two words), or i when there is none.
  [[nodiscard]] long cast_after(long i, const std::vector<std::string_view>& allowed) const {
    const auto is = [&](long k, Tok kind, std::string_view text = {}) {
      return at(k) && at(k)->kind == kind && (text.empty() || at(k)->text == text);
    };
    if (!is(i + 1, Tok::cast) || !is(i + 2, Tok::word)) return i;
    std::string type = t_[static_cast<std::size_t>(i + 2)].text;
    long end = i + 2;
    if (type == "character" && is(i + 3, Tok::space, " ") && is(i + 4, Tok::word, "varying")) {
      type = "character varying";
      end = i + 4;
    }
    return std::find(allowed.begin(), allowed.end(), type) == allowed.end() ? i : end;
  }

  // "st = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])" -> "st IN ('a',
  // 'b')" and "<> ALL (...)" -> "NOT IN (...)", for a list of literals compared with a character
  // or integer column: how the server stores an IN list, which reads back the same.
  void restore_in_lists() {
    for (long i = 0; i < static_cast<long>(t_.size()); ++i) {
      const std::string type = column_type(i);
      const bool text = type == "text" || starts_with(type, "character varying");
      const bool integer = type == "integer" || type == "bigint" || type == "smallint";
      if (!text && !integer) continue;
      const long op = step(i, 1), quantifier = step(op, 1), open = step(quantifier, 1);
      if (!at(op) || !at(quantifier) || !text_at(open, "(")) continue;
      const bool any = at(op)->text == "=" && at(quantifier)->text == "ANY";
      const bool all = at(op)->text == "<>" && at(quantifier)->text == "ALL";
      if (!any && !all) continue;
      long k = step(open, 1);
      if (!text_at(k, "ARRAY") || !text_at(k + 1, "[")) continue;
      std::vector<std::string> items;
      const std::vector<std::string_view> item_types =
          text ? std::vector<std::string_view>{"character varying", "text"}
               : std::vector<std::string_view>{"integer", "bigint", "smallint"};
      k += 1;
      bool ok = false;
      while (true) {
        const long item = step(k, 1);
        const Token* t = at(item);
        if (!t) break;
        std::string literal = t->text;
        if (text && t->kind != Tok::string) break;
        if (integer) {
          const bool quoted =
              t->kind == Tok::string && literal.size() > 2 && literal.front() == '\'' &&
              is_integer_text(std::string_view(literal).substr(1, literal.size() - 2));
          if (quoted) literal = literal.substr(1, literal.size() - 2);
          if (!quoted && !(t->kind == Tok::number && is_integer_text(literal))) break;
        }
        items.push_back(literal);
        k = cast_after(item, item_types);
        if (text_at(k + 1, ",")) {
          ++k;
          continue;
        }
        if (!text_at(k + 1, "]")) break;
        const long bracket = k + 1;
        k = cast_after(bracket, item_types);
        if (k != bracket) {  // an array cast: "::text[]"
          if (!text_at(k + 1, "[") || !text_at(k + 2, "]")) break;
          k += 2;
        }
        ok = text_at(k + 1, ")");
        break;
      }
      if (!ok) continue;
      std::string joined;
      for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
      t_[static_cast<std::size_t>(i)].text += (any ? " IN (" : " NOT IN (") + joined + ")";
      t_[static_cast<std::size_t>(i)].kind = Tok::punct;
      erase(i + 1, k + 1);
    }
  }

  // "email::text" -> "email" for a varchar column: varchar has no operators or functions of its
  // own, so the parser adds the same binary-coercible relabel again.
  void drop_varchar_column_casts() {
    for (long i = 0; i < static_cast<long>(t_.size()); ++i) {
      if (!starts_with(column_type(i), "character varying")) continue;
      const long end = casts_end(i, {"text"});
      if (end != i) erase(i + 1, end);
    }
  }

  // The other side of the comparison next to token range [first, last], when it is a column.
  [[nodiscard]] std::string compared_column_type(long first, long last) const {
    if (const Token* op = at(step(first, -1)); op && is_comparison(*op)) {
      if (auto type = column_type(step(step(first, -1), -1)); !type.empty()) return type;
    }
    if (const Token* op = at(step(last, 1)); op && is_comparison(*op)) {
      return column_type(step(step(last, 1), 1));
    }
    return {};
  }

  // "amount >= 0::numeric" -> "amount >= 0", "c >= '-1'::integer::numeric" -> "c >= -1" and
  // "email <> ''::text" -> "email <> ''": a bare literal compared with a column is converted to
  // the column's type by the same implicit cast.
  void drop_literal_casts() {
    for (long i = 0; i < static_cast<long>(t_.size()); ++i) {
      Token& t = t_[static_cast<std::size_t>(i)];
      const bool quoted_integer =
          t.kind == Tok::string && t.text.size() > 2 && t.text.front() == '\'' &&
          is_integer_text(std::string_view(t.text).substr(1, t.text.size() - 2));
      if (t.kind == Tok::number || quoted_integer) {
        if (t.kind == Tok::number && !is_integer_text(t.text)) continue;
        const long end = casts_end(i, {"integer", "bigint", "smallint", "numeric"});
        if (end == i) continue;
        const std::string type = compared_column_type(i, end);
        // The literal's final type must be the one the comparison with the column gives it.
        const bool to_numeric = at(end)->text == "numeric";
        const bool numeric_column = type == "numeric" || starts_with(type, "numeric(");
        const bool integer_column = type == "integer" || type == "bigint" || type == "smallint";
        if (to_numeric ? !numeric_column : !integer_column) continue;
        if (quoted_integer) t.text = t.text.substr(1, t.text.size() - 2);
        erase(i + 1, end);
      } else if (t.kind == Tok::string) {
        const long end = casts_end(i, {"text"});
        if (end == i) continue;
        const std::string type = compared_column_type(i, end);
        if (type == "text" || starts_with(type, "character varying")) erase(i + 1, end);
      }
    }
  }

  std::vector<Token> t_;
  const std::map<std::string, std::string>& types_;
};

// Text without one pair of parentheses enclosing all of it.
std::string strip_outer_parentheses(std::string text) {
  while (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
    // The first "(" must close at the last character: "(a) + (b)" keeps its parentheses.
    int depth = 0;
    bool encloses = true;
    std::size_t pos = 0;
    for (const auto& t : tokenise(text)) {
      pos += t.text.size();
      if (t.kind != Tok::punct) continue;
      if (t.text == "(") ++depth;
      if (t.text == ")" && --depth == 0 && pos != text.size()) encloses = false;
    }
    if (!encloses) break;
    text = text.substr(1, text.size() - 2);
  }
  return text;
}

}  // namespace

Type type_from_catalog(const std::string& formatted) {
  const std::string_view f = formatted;
  if (f == "boolean") return Type::boolean();
  if (f == "smallint") return Type::int16();
  if (f == "integer") return Type::int32();
  if (f == "bigint") return Type::int64();
  if (f == "real") return Type::float32();
  if (f == "double precision") return Type::float64();
  if (f == "numeric") return Type{TypeKind::decimal};
  if (auto args = type_arguments(f, "numeric"); args && args->size() == 2) {
    return Type::decimal((*args)[0], (*args)[1]);
  }
  if (f == "character varying") return Type{TypeKind::string};
  if (auto args = type_arguments(f, "character varying"); args && args->size() == 1) {
    return Type::string(args->front());
  }
  if (f == "text") return Type::text();
  if (f == "bytea") return Type::binary();
  if (f == "date") return Type::date();
  if (f == "time without time zone") return Type::time();
  if (f == "timestamp without time zone") return Type::datetime();
  if (f == "timestamp with time zone") return Type::timestamp_tz();
  if (f == "uuid") return Type::uuid();
  if (f == "jsonb") return Type::json();
  return Type::raw(formatted);
}

ColumnDefault default_from_catalog(const std::string& expression) {
  const std::string text = strip_outer_parentheses(expression);
  if (text == "true") return Value{true};
  if (text == "false") return Value{false};
  if (text == "NULL" || (starts_with(text, "NULL::") && is_type_name(text.substr(6)))) {
    return Value{};
  }
  if (is_number_text(text) &&
      (std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '-')) {
    return number_value(text);
  }
  // decode('<hex>'::text, 'hex'::text): how the dialect writes bytes.
  constexpr std::string_view decode_prefix = "decode('";
  constexpr std::string_view decode_suffix = "'::text, 'hex'::text)";
  if (starts_with(text, decode_prefix) &&
      text.size() > decode_prefix.size() + decode_suffix.size() &&
      text.substr(text.size() - decode_suffix.size()) == decode_suffix) {
    const std::string hex = text.substr(decode_prefix.size(),
                                        text.size() - decode_prefix.size() - decode_suffix.size());
    if (auto bytes = hex_bytes(hex)) return Value{std::move(*bytes)};
  }
  if (const auto lit = string_literal_at(text)) {
    const auto& [contents, end] = *lit;
    if (end == text.size()) return Value{contents};
    const std::string_view rest = std::string_view(text).substr(end);
    if (starts_with(rest, "::") && is_type_name(rest.substr(2))) {
      const std::string_view type = rest.substr(2);
      if (is_numeric_type(type) && is_number_text(contents)) {
        // A float column keeps a double even when its value is integral ('-0', '1e+20').
        if (type == "double precision" || type == "real") {
          double d = 0;
          std::from_chars(contents.data(), contents.data() + contents.size(), d);
          return Value{d};
        }
        return number_value(contents);
      }
      if (type != "bytea") return Value{contents};
    }
  }
  return SqlExpression{expression};
}

std::string normalise_expression(const std::string& expression,
                                 const std::map<std::string, std::string>& column_types) {
  return strip_outer_parentheses(
      Normaliser(tokenise(strip_outer_parentheses(expression)), column_types).run());
}

}  // namespace migcmd::postgres
