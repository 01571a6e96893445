// The tokenizer behind sqlite_sql_parser.hpp, following SQLite's lexical rules
// (https://www.sqlite.org/lang_keywords.html, lang_comment.html, lang_expr.html#literal_values).

#include <fmt/format.h>

#include <array>
#include <cctype>

#include "migcmd/error.hpp"
#include "sqlite_sql_parser.hpp"

namespace migcmd::sqlite {
namespace {

bool is_word_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) || c == '_' || u >= 0x80;
}

bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

[[noreturn]] void unterminated(std::string_view what, std::size_t at) {
  throw Error(ErrorCode::parse_error,
              fmt::format("sqlite schema SQL has an unterminated {} at offset {}", what, at));
}

// The end of a quoted token starting at `begin` (one past its closing quote); a doubled closing
// quote is an escaped one. Appends the unescaped content to `value`.
std::size_t quoted_end(std::string_view sql, std::size_t begin, char close, std::string& value,
                       std::string_view what) {
  std::size_t i = begin + 1;
  while (i < sql.size()) {
    if (sql[i] == close) {
      // [x] cannot escape its bracket; quotes escape themselves by doubling.
      if (close != ']' && i + 1 < sql.size() && sql[i + 1] == close) {
        value += close;
        i += 2;
        continue;
      }
      return i + 1;
    }
    value += sql[i++];
  }
  unterminated(what, begin);
}

std::size_t number_end(std::string_view sql, std::size_t i) {
  if (sql[i] == '0' && i + 1 < sql.size() && (sql[i + 1] == 'x' || sql[i + 1] == 'X')) {
    i += 2;
    while (i < sql.size() && std::isxdigit(static_cast<unsigned char>(sql[i]))) ++i;
    return i;
  }
  while (i < sql.size() && (is_digit(sql[i]) || sql[i] == '_')) ++i;
  if (i < sql.size() && sql[i] == '.') {
    ++i;
    while (i < sql.size() && is_digit(sql[i])) ++i;
  }
  if (i < sql.size() && (sql[i] == 'e' || sql[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < sql.size() && (sql[j] == '+' || sql[j] == '-')) ++j;
    if (j < sql.size() && is_digit(sql[j])) {
      i = j;
      while (i < sql.size() && is_digit(sql[i])) ++i;
    }
  }
  return i;
}

}  // namespace

std::vector<Token> tokenize(std::string_view sql) {
  static constexpr std::array<std::string_view, 8> two_char = {"||", "<=", ">=", "<>",
                                                               "!=", "==", "<<", ">>"};
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '-' && next == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (c == '/' && next == '*') {
      const std::size_t close = sql.find("*/", i + 2);
      // SQLite accepts a block comment running to the end of the input.
      i = close == std::string_view::npos ? sql.size() : close + 2;
    } else if ((c == 'x' || c == 'X') && next == '\'') {
      Token t{TokenKind::blob, i, 0, {}};
      std::string hex;
      t.end = quoted_end(sql, i + 1, '\'', hex, "blob literal");
      t.value = std::string(sql.substr(i, t.end - i));
      out.push_back(std::move(t));
      i = out.back().end;
    } else if (is_word_start(c)) {
      std::size_t end = i + 1;
      while (end < sql.size() && is_word_char(sql[end])) ++end;
      out.push_back({TokenKind::word, i, end, std::string(sql.substr(i, end - i))});
      i = end;
    } else if (is_digit(c) || (c == '.' && is_digit(next))) {
      const std::size_t end = number_end(sql, i);
      out.push_back({TokenKind::number, i, end, std::string(sql.substr(i, end - i))});
      i = end;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      const char close = c == '[' ? ']' : c;
      Token t{c == '\'' ? TokenKind::string : TokenKind::identifier, i, 0, {}};
      t.end = quoted_end(sql, i, close, t.value, c == '\'' ? "string" : "quoted identifier");
      i = t.end;
      out.push_back(std::move(t));
    } else {
      std::size_t len = 1;
      for (std::string_view op : two_char) {
        if (sql.substr(i, 2) == op) len = 2;
      }
      out.push_back({TokenKind::symbol, i, i + len, std::string(sql.substr(i, len))});
      i += len;
    }
  }
  return out;
}

}  // namespace migcmd::sqlite
