#include "migcmd/sql_splitter.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <string>

#include "migcmd/error.hpp"

namespace migcmd {
namespace {

// What each database's own client treats as quoting, comments and statement ends.
struct Rules {
  bool nested_comments = false;           // postgres, sqlserver: /* /* */ */ is one comment
  bool escape_strings = false;            // postgres E'...' with backslash escapes
  bool dollar_quotes = false;             // postgres $$...$$, $tag$...$tag$
  bool backslash_escapes = false;         // mysql: backslash escapes in '...' and "..."
  bool backtick_identifiers = false;      // mysql, sqlite
  bool bracket_identifiers = false;       // sqlserver, sqlite
  bool hash_comments = false;             // mysql
  bool dash_comment_needs_space = false;  // mysql: "--" must be followed by whitespace
  bool executable_comments = false;       // mysql: /*! ... */ is code, not a comment
  bool delimiter_command = false;         // mysql client's DELIMITER lines
  // BEGIN ... END bodies whose semicolons do not split: sqlite's CREATE TRIGGER, postgres's
  // CREATE [OR REPLACE] FUNCTION/PROCEDURE ... BEGIN ATOMIC (what psql itself tracks).
  enum class Bodies { none, sqlite_trigger, postgres_routine } bodies = Bodies::none;
  bool go_batches = false;  // sqlserver: GO lines end a batch, ';' does not
};

Rules rules_for(std::string_view dialect) {
  Rules r;
  if (dialect == "sqlite") {
    // SQLite accepts MySQL's and SQL Server's identifier quotes for compatibility.
    r.backtick_identifiers = true;
    r.bracket_identifiers = true;
    r.bodies = Rules::Bodies::sqlite_trigger;
  } else if (dialect == "postgres" || dialect == "postgresql") {
    r.nested_comments = true;
    r.escape_strings = true;
    r.dollar_quotes = true;
    r.bodies = Rules::Bodies::postgres_routine;
  } else if (dialect == "mysql" || dialect == "mariadb") {
    r.backslash_escapes = true;
    r.backtick_identifiers = true;
    r.hash_comments = true;
    r.dash_comment_needs_space = true;
    r.executable_comments = true;
    r.delimiter_command = true;
  } else if (dialect == "sqlserver") {
    // T-SQL nests block comments like PostgreSQL does.
    r.nested_comments = true;
    r.bracket_identifiers = true;
    r.go_batches = true;
  } else {
    throw Error(ErrorCode::usage, fmt::format("unknown SQL dialect '{}'", dialect),
                "use sqlite, postgres, mysql or sqlserver");
  }
  return r;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
bool is_space(char c) {
  return is_blank(c) || c == '\n';
}
bool is_high(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_word_start(char c) {
  return is_alpha(c) || c == '_' || is_high(c);
}
bool is_word_char(char c) {
  return is_word_start(c) || is_digit(c) || c == '$';
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

class Splitter {
 public:
  Splitter(std::string_view script, Rules rules, std::string_view source, int first_line)
      : s_(script), r_(rules), source_(source), line_(first_line) {}

  std::vector<SqlStatement> run() {
    while (i_ < s_.size()) {
      if (at_line_start()) {
        if (r_.go_batches && go_line()) continue;
        if (r_.delimiter_command && start_ == npos && delimiter_line()) continue;
      }
      step();
    }
    if (depth_ > 0) {
      fail(body_line_,
           r_.bodies == Rules::Bodies::sqlite_trigger ? "trigger body" : "BEGIN ... END body");
    }
    finish(s_.size());
    return std::move(out_);
  }

 private:
  static constexpr std::size_t npos = std::string_view::npos;

  [[nodiscard]] char at(std::size_t k) const { return k < s_.size() ? s_[k] : '\0'; }
  [[nodiscard]] bool at_line_start() const { return i_ == 0 || s_[i_ - 1] == '\n'; }

  [[noreturn]] void fail(int line, std::string_view what) const {
    std::string where =
        source_.empty() ? fmt::format("line {}", line) : fmt::format("{}:{}", source_, line);
    throw Error(ErrorCode::parse_error,
                fmt::format("{}: unterminated {} (opened here)", where, what),
                "close it; an unbalanced quote or comment before it can also cause this");
  }

  // One token (or one plain character) from i_.
  void step() {
    char c = s_[i_];
    char next = at(i_ + 1);
    if (c == '\n') {
      ++line_;
      ++i_;
      return;
    }
    if (is_blank(c)) {
      ++i_;
      return;
    }
    if ((c == '-' && next == '-' &&
         (!r_.dash_comment_needs_space || i_ + 2 >= s_.size() ||
          static_cast<unsigned char>(at(i_ + 2)) <= ' ')) ||
        (c == '#' && r_.hash_comments)) {
      while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      return;
    }
    if (c == '/' && next == '*') {
      if (r_.executable_comments &&
          (at(i_ + 2) == '!' || (at(i_ + 2) == 'M' && at(i_ + 3) == '!'))) {
        mark_start();
      }
      block_comment();
      return;
    }
    if (!r_.go_batches && depth_ == 0 && s_.compare(i_, delimiter_.size(), delimiter_) == 0) {
      finish(i_);
      i_ += delimiter_.size();
      return;
    }
    mark_start();
    switch (c) {
      case '\'':
        quoted('\'', r_.backslash_escapes, "string");
        return;
      case '"':
        quoted('"', r_.backslash_escapes, r_.backslash_escapes ? "string" : "quoted identifier");
        return;
      case '`':
        if (r_.backtick_identifiers) {
          quoted('`', false, "quoted identifier");
          return;
        }
        break;
      case '[':
        if (r_.bracket_identifiers) {
          quoted(']', false, "quoted identifier");
          return;
        }
        break;
      case '(':
        ++parens_;
        break;
      case ')':
        if (parens_ > 0) --parens_;
        break;
      case '$':
        if (r_.dollar_quotes && dollar_quote()) return;
        break;
      default:
        if (is_word_char(c)) {
          word();
          return;
        }
    }
    ++i_;
  }

  void mark_start() {
    if (start_ != npos) return;
    start_ = i_;
    start_line_ = line_;
  }

  void finish(std::size_t end) {
    if (start_ != npos) {
      std::size_t stop = end;
      while (stop > start_ && is_space(s_[stop - 1])) --stop;
      out_.push_back({std::string(s_.substr(start_, stop - start_)), start_line_});
    }
    start_ = npos;
    head_.clear();
    in_body_statement_ = false;
    depth_ = 0;
    parens_ = 0;
  }

  // From the opening character at i_ to just past the closing one; `close` doubled is an escape.
  void quoted(char close, bool backslash, std::string_view what) {
    int open_line = line_;
    ++i_;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\\' && backslash && i_ + 1 < s_.size()) {
        ++i_;
        c = s_[i_];
      } else if (c == close) {
        if (at(i_ + 1) != close) {
          ++i_;
          return;
        }
        ++i_;
      }
      if (c == '\n') ++line_;
      ++i_;
    }
    fail(open_line, what);
  }

  void block_comment() {
    int open_line = line_;
    int depth = 1;
    i_ += 2;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '*' && at(i_ + 1) == '/') {
        i_ += 2;
        if (--depth == 0) return;
        continue;
      }
      if (c == '/' && at(i_ + 1) == '*' && r_.nested_comments) {
        i_ += 2;
        ++depth;
        continue;
      }
      if (c == '\n') ++line_;
      ++i_;
    }
    fail(open_line, "block comment");
  }

  // $$...$$ or $tag$...$tag$; false when the '$' opens no quote ($1 is a parameter).
  bool dollar_quote() {
    std::size_t j = i_ + 1;
    if (at(j) != '$') {
      if (!is_word_start(at(j))) return false;
      while (j < s_.size() && is_word_char(s_[j]) && s_[j] != '$') ++j;
      if (at(j) != '$') return false;
    }
    std::string_view tag = s_.substr(i_, j + 1 - i_);
    std::size_t close = s_.find(tag, j + 1);
    if (close == npos) fail(line_, fmt::format("dollar-quoted string {}", tag));
    for (std::size_t k = i_; k < close; ++k) {
      if (s_[k] == '\n') ++line_;
    }
    i_ = close + tag.size();
    return true;
  }

  void word() {
    std::size_t begin = i_;
    while (i_ < s_.size() && is_word_char(s_[i_])) ++i_;
    std::string_view w = s_.substr(begin, i_ - begin);
    if (r_.escape_strings && (w == "E" || w == "e") && at(i_) == '\'') {
      quoted('\'', true, "string");
      return;
    }
    if (r_.bodies != Rules::Bodies::none) body_word(w);
  }

  // SQLite has no client-side delimiter and psql none for BEGIN ATOMIC: a body is found by
  // matching BEGIN with its END, where CASE ... END inside it also closes with END.
  void body_word(std::string_view w) {
    if (!in_body_statement_) {
      if (head_.size() >= 4) return;
      head_.emplace_back(w);
      in_body_statement_ = starts_body_statement();
      return;
    }
    bool sqlite = r_.bodies == Rules::Bodies::sqlite_trigger;
    // psql: a BEGIN inside parentheses is a parameter name, and CASE counts only in a body.
    if (iequals(w, "begin") && (sqlite || parens_ == 0)) {
      if (depth_++ == 0) body_line_ = line_;
    } else if (iequals(w, "case") && (sqlite || depth_ > 0)) {
      ++depth_;
    } else if (iequals(w, "end") && depth_ > 0) {
      --depth_;
    }
  }

  [[nodiscard]] bool starts_body_statement() const {
    auto is = [&](std::size_t k, std::string_view expected) {
      return k < head_.size() && iequals(head_[k], expected);
    };
    if (!is(0, "create")) return false;
    if (r_.bodies == Rules::Bodies::sqlite_trigger) {
      return is(1, "trigger") || ((is(1, "temp") || is(1, "temporary")) && is(2, "trigger"));
    }
    std::size_t k = is(1, "or") && is(2, "replace") ? 3 : 1;
    return is(k, "function") || is(k, "procedure");
  }

  // A line with only GO on it ends a SQL Server batch.
  bool go_line() {
    std::size_t j = i_;
    while (j < s_.size() && is_blank(s_[j])) ++j;
    if (lower(at(j)) != 'g' || lower(at(j + 1)) != 'o') return false;
    j += 2;
    while (j < s_.size() && is_blank(s_[j])) ++j;
    if (j < s_.size() && s_[j] != '\n') return false;
    finish(i_);
    i_ = j;
    return true;
  }

  // The mysql client's "DELIMITER //" command, between statements.
  bool delimiter_line() {
    std::size_t j = i_;
    while (j < s_.size() && is_blank(s_[j])) ++j;
    constexpr std::string_view keyword = "delimiter";
    if (!iequals(s_.substr(j, keyword.size()), keyword)) return false;
    j += keyword.size();
    if (j < s_.size() && !is_space(s_[j])) return false;
    while (j < s_.size() && is_blank(s_[j])) ++j;
    std::size_t begin = j;
    while (j < s_.size() && !is_space(s_[j])) ++j;
    if (j == begin) {
      std::string where =
          source_.empty() ? fmt::format("line {}", line_) : fmt::format("{}:{}", source_, line_);
      throw Error(ErrorCode::parse_error, fmt::format("{}: DELIMITER without a delimiter", where),
                  "write e.g. DELIMITER // and later DELIMITER ; to restore it");
    }
    delimiter_ = std::string(s_.substr(begin, j - begin));
    while (j < s_.size() && s_[j] != '\n') ++j;
    i_ = j;
    return true;
  }

  std::string_view s_;
  Rules r_;
  std::string_view source_;
  std::size_t i_ = 0;
  int line_;
  std::size_t start_ = npos;  // first significant character of the pending statement
  int start_line_ = 0;
  std::string delimiter_ = ";";
  std::vector<std::string_view> head_;  // the pending statement's first words
  bool in_body_statement_ = false;      // it is one that may have a BEGIN ... END body
  int depth_ = 0;                       // open BEGIN/CASE blocks of that body
  int body_line_ = 0;
  int parens_ = 0;
  std::vector<SqlStatement> out_;
};

}  // namespace

std::vector<SqlStatement> split_sql(std::string_view script, std::string_view dialect,
                                    std::string_view source, int first_line) {
  return Splitter(script, rules_for(dialect), source, first_line).run();
}

}  // namespace migcmd
