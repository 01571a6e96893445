#pragma once
// A small SQL tokenizer for the risk rules: words, quoted identifiers, string literals, numbers
// and punctuation, with comments kept apart (waivers live in them) so that no rule ever looks
// inside a comment or a string. Quoting follows the dialect ("postgres", "mysql", "sqlite",
// "sqlserver"): dollar quotes and E'' strings on PostgreSQL, backslash escapes, "..." strings,
// backticks, # comments and executable /*! */ comments on MySQL, [...] identifiers on SQLite and
// SQL Server. Unterminated quotes or comments end at the end of the text: the splitter has
// already rejected such scripts.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace migcmd::governance::risk {

enum class TokenKind {
  word,               // keyword or unquoted identifier
  quoted_identifier,  // "x", `x`, [x]: text holds the identifier without quotes
  string,             // any string literal, dollar-quoted bodies included
  number,
  punct,    // one character: ( ) , ; . = etc.
  comment,  // text holds the comment's content without -- or /* */
};

struct Token {
  TokenKind kind = TokenKind::punct;
  std::string text;        // as written (for words), unquoted (identifiers, comments)
  std::string upper;       // words: ASCII upper case, for keyword tests
  std::size_t offset = 0;  // of its first character in the text
  int line = 0;            // 0-based line of its first character in the text
};

// Tokens of `sql`, comments included when `keep_comments`.
[[nodiscard]] std::vector<Token> tokenize(std::string_view sql, std::string_view dialect,
                                          bool keep_comments = false);

[[nodiscard]] std::string ascii_lower(std::string_view text);
[[nodiscard]] std::string ascii_upper(std::string_view text);

}  // namespace migcmd::governance::risk
