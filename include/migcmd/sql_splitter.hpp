#pragma once
// Splits a SQL script into statements the way the database's own client would: semicolons
// outside quotes, comments, dollar-quoted bodies and trigger bodies end a statement.
//   all       '...' with '' escapes, "..." identifiers, -- and /* */ comments
//   postgres  E'...' with backslash escapes, $$...$$ and $tag$...$tag$ bodies, nested /* */,
//             BEGIN ATOMIC ... END bodies of CREATE FUNCTION/PROCEDURE (as psql tracks them)
//   mysql     backslash escapes in strings, `...` identifiers, # comments, DELIMITER lines
//   sqlite    BEGIN ... END bodies of CREATE TRIGGER, [...] and `...` identifiers
//   sqlserver [...] identifiers, N'...', nested /* */, GO on a line of its own separates
//             batches; ';' does not split inside a batch (a batch is one statement)
// Comments before a statement's first token are dropped with the whitespace; comments after it
// stay in the statement's text.

#include <string>
#include <string_view>
#include <vector>

namespace migcmd {

struct SqlStatement {
  std::string text;  // without the terminating ';' (or GO / custom delimiter), trimmed
  int line = 1;      // 1-based line of its first character in the script
};

// `dialect` is "sqlite", "postgres", "mysql" or "sqlserver". `source` (a file name) and
// `first_line` (where the script starts in that file) make errors name file:line. Throws
// Error(parse_error) on an unterminated quote, comment, dollar quote or trigger body. Statements
// that are only comments are dropped.
[[nodiscard]] std::vector<SqlStatement> split_sql(std::string_view script, std::string_view dialect,
                                                  std::string_view source = {}, int first_line = 1);

}  // namespace migcmd
