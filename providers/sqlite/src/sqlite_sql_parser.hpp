#pragma once
// What SQLite's pragmas do not say about a table or an index, read from the CREATE statement that
// sqlite_schema keeps: constraint names, CHECK expressions, AUTOINCREMENT, collations, expression
// index parts and partial index predicates. A small tokenizer (quotes, comments, parentheses)
// keeps keywords inside strings, quoted names and comments from being taken for syntax.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/schema.hpp"

namespace migcmd::sqlite {

enum class TokenKind {
  word,        // a bare identifier or keyword
  identifier,  // a quoted identifier: "x", `x` or [x]
  string,      // 'text'
  blob,        // X'0A'
  number,
  symbol,  // punctuation and operators: ( ) , ; || <= ...
};

struct Token {
  TokenKind kind;
  std::size_t begin;  // offsets into the tokenized text
  std::size_t end;
  std::string value;  // unquoted and unescaped for identifiers and strings; else the text
};

// The tokens of `sql`, without whitespace and comments. Throws Error(parse_error) on an
// unterminated string, quoted identifier or block comment.
[[nodiscard]] std::vector<Token> tokenize(std::string_view sql);

struct ParsedColumn {
  std::string name;
  std::string collation;  // as written in COLLATE, unquoted; empty when none
  bool autoincrement = false;
};

// A CREATE TABLE statement's parts. Foreign keys come without their actions (the pragma has
// them) unless written; key columns as written (unquoted).
struct ParsedTable {
  std::vector<ParsedColumn> columns;
  std::optional<PrimaryKey> primary_key;
  std::vector<UniqueConstraint> uniques;
  std::vector<CheckConstraint> checks;
  std::vector<ForeignKey> foreign_keys;
};

// Parses the column definitions and table constraints of CREATE TABLE; an empty result for a
// statement without a column list (CREATE TABLE ... AS SELECT).
[[nodiscard]] ParsedTable parse_create_table(std::string_view sql);

struct ParsedIndex {
  // One per indexed term: a column name, or an expression as written (one pair of parentheses
  // around the whole term removed, as the dialect adds one), with DESC.
  std::vector<IndexPart> parts;
  std::string where;  // the partial index predicate as written; empty for a full index
};

[[nodiscard]] ParsedIndex parse_create_index(std::string_view sql);

// `text` without one pair of parentheses that encloses all of it: "(a + b)" -> "a + b", while
// "(a) + (b)" stays.
[[nodiscard]] std::string strip_outer_parentheses(std::string_view text);

}  // namespace migcmd::sqlite
