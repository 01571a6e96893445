#include "risk/sql_tokens.hpp"

#include <cctype>

namespace migcmd::governance::risk {
namespace {

bool is_word_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) != 0 || c == '_' || u >= 0x80;
}

bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || c == '_' || c == '$' || u >= 0x80;
}

class Lexer {
 public:
  Lexer(std::string_view sql, std::string_view dialect, bool keep_comments)
      : sql_(sql),
        postgres_(dialect == "postgres"),
        mysql_(dialect == "mysql"),
        brackets_(dialect == "sqlserver" || dialect == "sqlite"),
        nested_comments_(dialect == "postgres" || dialect == "sqlserver"),
        keep_comments_(keep_comments) {}

  std::vector<Token> run() {
    while (pos_ < sql_.size()) step();
    return std::move(tokens_);
  }

 private:
  [[nodiscard]] char at(std::size_t i) const { return i < sql_.size() ? sql_[i] : '\0'; }

  // Moves to `end`, counting the lines crossed.
  void advance_to(std::size_t end) {
    end = std::min(end, sql_.size());
    for (; pos_ < end; ++pos_) {
      if (sql_[pos_] == '\n') ++line_;
    }
  }

  void push(TokenKind kind, std::size_t start, int line, std::string text) {
    Token t;
    t.kind = kind;
    t.text = std::move(text);
    if (kind == TokenKind::word) t.upper = ascii_upper(t.text);
    t.offset = start;
    t.line = line;
    tokens_.push_back(std::move(t));
  }

  void step() {
    const char c = sql_[pos_];
    const char next = at(pos_ + 1);
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      advance_to(pos_ + 1);
    } else if (c == '-' && next == '-') {
      line_comment(pos_ + 2);
    } else if (c == '#' && mysql_) {
      line_comment(pos_ + 1);
    } else if (c == '/' && next == '*') {
      block_comment();
    } else if (c == '*' && next == '/' && executable_comments_ > 0) {
      --executable_comments_;  // the end of a MySQL /*! ... */ whose content was lexed as code
      advance_to(pos_ + 2);
    } else if (c == '\'') {
      quoted(TokenKind::string, '\'', mysql_, pos_);
    } else if (c == '"') {
      // MySQL reads "..." as a string unless ANSI_QUOTES is set.
      quoted(mysql_ ? TokenKind::string : TokenKind::quoted_identifier, '"', mysql_, pos_);
    } else if (c == '`') {
      quoted(TokenKind::quoted_identifier, '`', false, pos_);
    } else if (c == '[' && brackets_) {
      bracketed();
    } else if (c == '$' && postgres_ && dollar_quote()) {
      // done
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
               (c == '.' && std::isdigit(static_cast<unsigned char>(next)) != 0)) {
      number();
    } else if (is_word_start(c)) {
      word();
    } else {
      push(TokenKind::punct, pos_, line_, std::string(1, c));
      advance_to(pos_ + 1);
    }
  }

  void line_comment(std::size_t content) {
    const std::size_t start = pos_;
    const int line = line_;
    std::size_t end = sql_.find('\n', content);
    if (end == std::string_view::npos) end = sql_.size();
    if (keep_comments_) {
      push(TokenKind::comment, start, line, std::string(sql_.substr(content, end - content)));
    }
    advance_to(end);
  }

  void block_comment() {
    const std::size_t start = pos_;
    const int line = line_;
    if (mysql_ && (at(pos_ + 2) == '!' || (at(pos_ + 2) == 'M' && at(pos_ + 3) == '!'))) {
      // MySQL and MariaDB run the content of /*! ... */ (and /*M! ... */): lex it as code.
      std::size_t i = pos_ + (at(pos_ + 2) == '!' ? 3 : 4);
      while (std::isdigit(static_cast<unsigned char>(at(i))) != 0) ++i;  // version number
      ++executable_comments_;
      advance_to(i);
      return;
    }
    int depth = 0;
    std::size_t i = pos_;
    while (i < sql_.size()) {
      if (sql_[i] == '/' && at(i + 1) == '*' && (depth == 0 || nested_comments_)) {
        ++depth;
        i += 2;
      } else if (sql_[i] == '*' && at(i + 1) == '/') {
        i += 2;
        if (--depth == 0) break;
      } else {
        ++i;
      }
    }
    if (keep_comments_) {
      const std::size_t content_end = depth == 0 ? i - 2 : sql_.size();
      push(TokenKind::comment, start, line,
           std::string(
               sql_.substr(start + 2, content_end > start + 2 ? content_end - start - 2 : 0)));
    }
    advance_to(i);
  }

  // A quote starting at `open` (the quote character itself is at pos_); doubled quotes are an
  // escape everywhere, backslashes too when `backslash`.
  void quoted(TokenKind kind, char quote, bool backslash, std::size_t start) {
    const int line = line_;
    std::string content;
    std::size_t i = pos_ + 1;
    while (i < sql_.size()) {
      const char c = sql_[i];
      if (backslash && c == '\\' && i + 1 < sql_.size()) {
        content += sql_[i + 1];
        i += 2;
      } else if (c == quote && at(i + 1) == quote) {
        content += quote;
        i += 2;
      } else if (c == quote) {
        ++i;
        break;
      } else {
        content += c;
        ++i;
      }
    }
    push(kind, start, line,
         kind == TokenKind::string ? std::string(sql_.substr(start, i - start))
                                   : std::move(content));
    advance_to(i);
  }

  void bracketed() {
    const std::size_t start = pos_;
    const int line = line_;
    std::string content;
    std::size_t i = pos_ + 1;
    while (i < sql_.size()) {
      if (sql_[i] == ']' && at(i + 1) == ']') {
        content += ']';
        i += 2;
      } else if (sql_[i] == ']') {
        ++i;
        break;
      } else {
        content += sql_[i++];
      }
    }
    push(TokenKind::quoted_identifier, start, line, std::move(content));
    advance_to(i);
  }

  // $tag$ ... $tag$ (PostgreSQL). Returns false for anything else starting with '$' ($1).
  bool dollar_quote() {
    std::size_t i = pos_ + 1;
    if (is_word_start(at(i)) && at(i) != '$') {
      while (i < sql_.size() && is_word_char(sql_[i]) && sql_[i] != '$') ++i;
    }
    if (at(i) != '$') return false;
    const std::string_view tag = sql_.substr(pos_, i - pos_ + 1);
    const std::size_t close = sql_.find(tag, i + 1);
    const std::size_t end = close == std::string_view::npos ? sql_.size() : close + tag.size();
    push(TokenKind::string, pos_, line_, std::string(sql_.substr(pos_, end - pos_)));
    advance_to(end);
    return true;
  }

  void number() {
    std::size_t i = pos_;
    while (i < sql_.size() && (is_word_char(sql_[i]) || sql_[i] == '.')) ++i;
    push(TokenKind::number, pos_, line_, std::string(sql_.substr(pos_, i - pos_)));
    advance_to(i);
  }

  void word() {
    std::size_t i = pos_;
    while (i < sql_.size() && is_word_char(sql_[i])) ++i;
    const std::string_view text = sql_.substr(pos_, i - pos_);
    // String prefixes: E'...' (backslash escapes), N'...', B'...', X'...'.
    if (text.size() == 1 && at(i) == '\'') {
      const char p = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
      if (p == 'E' || p == 'N' || p == 'B' || p == 'X') {
        const std::size_t start = pos_;
        advance_to(i);
        quoted(TokenKind::string, '\'', mysql_ || p == 'E', start);
        return;
      }
    }
    push(TokenKind::word, pos_, line_, std::string(text));
    advance_to(i);
  }

  std::string_view sql_;
  bool postgres_;
  bool mysql_;
  bool brackets_;
  bool nested_comments_;
  bool keep_comments_;
  std::size_t pos_ = 0;
  int line_ = 0;
  int executable_comments_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view sql, std::string_view dialect, bool keep_comments) {
  return Lexer(sql, dialect, keep_comments).run();
}

std::string ascii_lower(std::string_view text) {
  std::string s(text);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string ascii_upper(std::string_view text) {
  std::string s(text);
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace migcmd::governance::risk
