#include "risk/sql_statement.hpp"

#include <initializer_list>
#include <span>

namespace migcmd::governance::risk {
namespace {

using Tokens = std::span<const Token>;

bool is_word(const Token& t, std::string_view upper) {
  return t.kind == TokenKind::word && t.upper == upper;
}

bool is_punct(const Token& t, std::string_view p) {
  return t.kind == TokenKind::punct && t.text == p;
}

// Index of the ')' matching the '(' at `open`, or tokens.size() when it is missing.
std::size_t matching_paren(Tokens tokens, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (is_punct(tokens[i], "(")) ++depth;
    if (is_punct(tokens[i], ")") && --depth == 0) return i;
  }
  return tokens.size();
}

// The pieces of `tokens` between commas outside parentheses.
std::vector<Tokens> split_top_level(Tokens tokens) {
  std::vector<Tokens> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (is_punct(tokens[i], "(")) ++depth;
    if (is_punct(tokens[i], ")")) --depth;
    if (depth == 0 && is_punct(tokens[i], ",")) {
      parts.push_back(tokens.subspan(start, i - start));
      start = i + 1;
    }
  }
  if (start < tokens.size()) parts.push_back(tokens.subspan(start));
  return parts;
}

// Whether the words appear in sequence outside parentheses.
bool has_top_level(Tokens tokens, std::initializer_list<std::string_view> words) {
  int depth = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (is_punct(tokens[i], "(")) ++depth;
    if (is_punct(tokens[i], ")")) --depth;
    if (depth != 0) continue;
    std::size_t k = 0;
    for (const auto w : words) {
      if (i + k >= tokens.size() || !is_word(tokens[i + k], w)) break;
      ++k;
    }
    if (k == words.size()) return true;
  }
  return false;
}

bool has_word_anywhere(Tokens tokens, std::string_view word) {
  for (const auto& t : tokens) {
    if (is_word(t, word)) return true;
  }
  return false;
}

// A cursor over a statement's tokens.
class Cursor {
 public:
  explicit Cursor(Tokens tokens) : tokens_(tokens) {}

  [[nodiscard]] bool done() const { return i_ >= tokens_.size(); }
  [[nodiscard]] const Token* peek(std::size_t k = 0) const {
    return i_ + k < tokens_.size() ? &tokens_[i_ + k] : nullptr;
  }
  [[nodiscard]] bool word(std::string_view upper, std::size_t k = 0) const {
    const Token* t = peek(k);
    return t && is_word(*t, upper);
  }
  [[nodiscard]] bool punct(std::string_view p, std::size_t k = 0) const {
    const Token* t = peek(k);
    return t && is_punct(*t, p);
  }
  bool accept(std::string_view upper) {
    if (!word(upper)) return false;
    ++i_;
    return true;
  }
  // All the words in sequence, or nothing consumed.
  bool accept(std::initializer_list<std::string_view> words) {
    std::size_t k = 0;
    for (const auto w : words) {
      if (!word(w, k)) return false;
      ++k;
    }
    i_ += k;
    return true;
  }
  bool accept_punct(std::string_view p) {
    if (!punct(p)) return false;
    ++i_;
    return true;
  }
  void skip(std::size_t n = 1) { i_ = std::min(i_ + n, tokens_.size()); }
  [[nodiscard]] std::string upper_word() const {
    const Token* t = peek();
    return t && t->kind == TokenKind::word ? t->upper : std::string();
  }

  // A possibly qualified name; empty when the next token is no identifier.
  ObjectName name() {
    std::vector<const Token*> parts;
    while (const Token* t = peek()) {
      if (!is_identifier(*t)) break;
      parts.push_back(t);
      ++i_;
      if (!punct(".") || !peek(1) || !is_identifier(*peek(1))) break;
      ++i_;
    }
    ObjectName n;
    if (parts.empty()) return n;
    n.name = parts.back()->text;
    n.key = identifier_key(*parts.back());
    if (parts.size() >= 2) {
      const Token& schema = *parts[parts.size() - 2];
      n.schema = schema.text;
      n.schema_key = identifier_key(schema);
    }
    return n;
  }

  // Names separated by commas ("a, b.c"), stopping at anything else.
  std::vector<ObjectName> names() {
    std::vector<ObjectName> list;
    for (;;) {
      accept("ONLY");
      ObjectName n = name();
      if (n.empty()) break;
      accept_punct("*");
      list.push_back(std::move(n));
      if (!accept_punct(",")) break;
    }
    return list;
  }

  // At '(': the tokens inside, and the cursor moves past the ')'.
  Tokens group() {
    if (!punct("(")) return {};
    const std::size_t close = matching_paren(tokens_, i_);
    Tokens inside = tokens_.subspan(i_ + 1, close > i_ + 1 ? close - i_ - 1 : 0);
    i_ = std::min(close + 1, tokens_.size());
    return inside;
  }

  [[nodiscard]] Tokens rest() const { return i_ < tokens_.size() ? tokens_.subspan(i_) : Tokens{}; }

 private:
  Tokens tokens_;
  std::size_t i_ = 0;
};

// Words that end a column's type and start its constraints.
bool ends_type(const Cursor& c) {
  static const std::initializer_list<std::string_view> stops = {
      "NOT",         "NULL",       "DEFAULT",        "PRIMARY",
      "UNIQUE",      "REFERENCES", "CHECK",          "CONSTRAINT",
      "GENERATED",   "COLLATE",    "AUTO_INCREMENT", "COMMENT",
      "AS",          "IDENTITY",   "FIRST",          "AFTER",
      "ON",          "CHARSET",    "AUTOINCREMENT",  "INVISIBLE",
      "VISIBLE",     "STORED",     "VIRTUAL",        "PERSISTENT",
      "COMPRESSION", "STORAGE",    "SPARSE",         "ROWGUIDCOL",
      "USING",       "KEY",        "COLUMN_FORMAT",  "ENGINE_ATTRIBUTE"};
  const Token* t = c.peek();
  if (!t) return true;
  if (t->kind == TokenKind::punct) return t->text == "," || t->text == ";";
  if (t->kind != TokenKind::word) return false;
  if (t->upper == "CHARACTER") return c.word("SET", 1);  // MySQL CHARACTER SET, not character(n)
  if (t->upper == "WITH") return c.word("VALUES", 1);    // SQL Server DEFAULT ... WITH VALUES
  for (const auto s : stops) {
    if (t->upper == s) return true;
  }
  return false;
}

void skip_type_arguments_and_words(Cursor& c, std::vector<Token>& out) {
  while (!c.done() && !ends_type(c)) {
    if (c.punct("(")) {
      const Token open = *c.peek();
      Tokens inside = c.group();
      out.push_back(open);
      out.insert(out.end(), inside.begin(), inside.end());
      Token close = open;
      close.text = ")";
      out.push_back(close);
      continue;
    }
    out.push_back(*c.peek());
    c.skip();
  }
}

// Column constraints after the type: NOT NULL, DEFAULT, PRIMARY KEY, GENERATED...
void column_constraints(Cursor& c, ColumnDefinition& col) {
  while (!c.done()) {
    if (c.accept({"NOT", "NULL"})) {
      col.not_null = true;
    } else if (c.accept("DEFAULT")) {
      col.has_default = true;
      // The first token always belongs to the expression (DEFAULT NULL, DEFAULT -1).
      bool first = true;
      while (!c.done() && (first || !ends_type(c))) {
        first = false;
        if (c.punct("(")) {
          const Token open = *c.peek();
          Tokens inside = c.group();
          col.default_expression.push_back(open);
          col.default_expression.insert(col.default_expression.end(), inside.begin(), inside.end());
          Token close = open;
          close.text = ")";
          col.default_expression.push_back(close);
          continue;
        }
        if (c.punct(",")) break;
        col.default_expression.push_back(*c.peek());
        c.skip();
      }
    } else if (c.accept({"PRIMARY", "KEY"})) {
      col.primary_key = true;
    } else if (c.accept("UNIQUE")) {
      col.unique = true;
      c.accept("KEY");
    } else if (c.accept("REFERENCES")) {
      col.references = true;
    } else if (c.accept("GENERATED")) {
      c.accept("ALWAYS") || c.accept({"BY", "DEFAULT"});
      if (c.accept({"AS", "IDENTITY"})) {
        col.identity = true;
      } else if (c.accept("AS")) {
        col.generated = true;
        (void)c.group();
      }
    } else if (c.word("AS") && c.punct("(", 1)) {
      c.skip();
      col.generated = true;  // MySQL/MariaDB: c int AS (expr) [VIRTUAL|STORED|PERSISTENT]
      (void)c.group();
    } else if (c.accept("STORED") || c.accept("PERSISTENT")) {
      col.stored = true;
    } else if (c.accept("AUTO_INCREMENT") || c.accept("AUTOINCREMENT") || c.accept("IDENTITY")) {
      col.identity = true;
    } else if (c.punct("(")) {
      (void)c.group();  // CHECK (...), REFERENCES t (...), IDENTITY(1,1)
    } else {
      c.skip();
    }
  }
}

// "name type constraints..." (the name is the first token).
ColumnDefinition column_definition(Tokens tokens) {
  ColumnDefinition col;
  Cursor c(tokens);
  const Token* first = c.peek();
  if (!first || !is_identifier(*first)) return col;
  col.name.name = first->text;
  col.name.key = identifier_key(*first);
  c.skip();
  std::vector<Token> type_tokens;
  skip_type_arguments_and_words(c, type_tokens);
  col.has_type = !type_tokens.empty();
  col.type = make_sql_type(type_tokens);
  column_constraints(c, col);
  return col;
}

std::vector<std::string> column_keys(Tokens inside) {
  std::vector<std::string> keys;
  for (const auto part : split_top_level(inside)) {
    if (!part.empty() && is_identifier(part.front())) keys.push_back(identifier_key(part.front()));
  }
  return keys;
}

// A table constraint: [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY ...
ConstraintDefinition table_constraint(Tokens tokens) {
  ConstraintDefinition k;
  Cursor c(tokens);
  if (c.accept("CONSTRAINT")) {
    if (c.peek() && is_identifier(*c.peek()) && !c.word("PRIMARY") && !c.word("UNIQUE") &&
        !c.word("CHECK") && !c.word("FOREIGN")) {
      k.name = c.peek()->text;
      c.skip();
    }
  }
  if (c.accept({"PRIMARY", "KEY"})) {
    k.kind = ConstraintKind::primary_key;
  } else if (c.accept("UNIQUE")) {
    k.kind = ConstraintKind::unique;
  } else if (c.accept("CHECK")) {
    k.kind = ConstraintKind::check;
    const Tokens inside = c.group();
    k.check.assign(inside.begin(), inside.end());
  } else if (c.accept({"FOREIGN", "KEY"})) {
    k.kind = ConstraintKind::foreign_key;
  } else {
    return k;
  }
  const Tokens rest = c.rest();
  if (k.kind != ConstraintKind::check) {
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (is_punct(rest[i], "(")) {
        const std::size_t close = matching_paren(rest, i);
        k.columns = column_keys(rest.subspan(i + 1, close > i + 1 ? close - i - 1 : 0));
        break;
      }
      if (is_word(rest[i], "REFERENCES")) break;
    }
  }
  k.not_valid = has_top_level(tokens, {"NOT", "VALID"});
  k.using_index = has_top_level(tokens, {"USING", "INDEX"});
  return k;
}

bool starts_table_constraint(Tokens element) {
  if (element.empty() || element.front().kind != TokenKind::word) return false;
  const std::string& w = element.front().upper;
  if (w == "CONSTRAINT" || w == "CHECK" || w == "EXCLUDE") return true;
  if (w == "PRIMARY" || w == "FOREIGN") return element.size() > 1 && is_word(element[1], "KEY");
  return w == "UNIQUE";  // reserved: no column is named unique without quotes
}

bool is_mysql_index_element(Tokens element) {
  if (element.empty() || element.front().kind != TokenKind::word) return false;
  const std::string& w = element.front().upper;
  return w == "INDEX" || w == "KEY" || w == "FULLTEXT" || w == "SPATIAL" || w == "LIKE" ||
         w == "PERIOD";
}

void parse_create_table(Cursor& c, ParsedStatement& s) {
  s.kind = StatementKind::create_table;
  c.accept({"IF", "NOT", "EXISTS"});
  s.table = c.name();
  if (!c.punct("(")) return;  // AS SELECT, LIKE other, PARTITION OF...
  for (const auto element : split_top_level(c.group())) {
    if (starts_table_constraint(element)) {
      ConstraintDefinition k = table_constraint(element);
      if (k.kind != ConstraintKind::other) s.constraints.push_back(std::move(k));
    } else if (!is_mysql_index_element(element)) {
      ColumnDefinition col = column_definition(element);
      if (!col.name.empty()) s.columns.push_back(std::move(col));
    }
  }
}

// ALGORITHM [=] value / LOCK [=] value.
std::string option_value(Cursor& c) {
  c.accept_punct("=");
  std::string value = c.peek() ? ascii_upper(c.peek()->text) : std::string();
  c.skip();
  return value;
}

void parse_alter_action(Tokens tokens, std::string_view dialect, std::vector<AlterAction>& out) {
  Cursor c(tokens);
  AlterAction a;
  const bool mysql = dialect == "mysql";
  if (c.accept("ADD")) {
    if (c.word("CONSTRAINT") || c.word("CHECK") || c.word("EXCLUDE") ||
        (c.word("PRIMARY") && c.word("KEY", 1)) || (c.word("FOREIGN") && c.word("KEY", 1)) ||
        c.word("UNIQUE")) {
      a.kind = AlterKind::add_constraint;
      a.constraint = table_constraint(c.rest());
    } else if (c.word("INDEX") || c.word("KEY") || c.word("FULLTEXT") || c.word("SPATIAL") ||
               c.word("PARTITION")) {
      a.kind = AlterKind::other;
    } else {
      c.accept("COLUMN");
      c.accept({"IF", "NOT", "EXISTS"});
      if (c.punct("(")) {  // MySQL: ADD (a int, b int)
        for (const auto part : split_top_level(c.group())) {
          AlterAction each;
          each.kind = AlterKind::add_column;
          each.column = column_definition(part);
          each.column_name = each.column.name.name;
          each.column_key = each.column.name.key;
          out.push_back(std::move(each));
        }
        return;
      }
      a.kind = AlterKind::add_column;
      a.column = column_definition(c.rest());
      a.column_name = a.column.name.name;
      a.column_key = a.column.name.key;
    }
  } else if (c.accept("DROP")) {
    if (c.accept("CONSTRAINT") || c.accept({"FOREIGN", "KEY"}) || c.accept("CHECK")) {
      a.kind = AlterKind::drop_constraint;
      c.accept({"IF", "EXISTS"});
      if (c.peek()) a.constraint.name = c.peek()->text;
    } else if (c.accept({"PRIMARY", "KEY"})) {
      a.kind = AlterKind::drop_constraint;
      a.constraint.kind = ConstraintKind::primary_key;
      a.constraint.name = "PRIMARY KEY";
    } else if (c.word("INDEX") || c.word("KEY") || c.word("PARTITION") || c.word("DEFAULT") ||
               c.word("PERIOD") || c.word("SYSTEM")) {
      a.kind = AlterKind::other;
    } else {
      c.accept("COLUMN");
      c.accept({"IF", "EXISTS"});
      if (c.peek() && is_identifier(*c.peek())) {
        a.kind = AlterKind::drop_column;
        a.column_name = c.peek()->text;
        a.column_key = identifier_key(*c.peek());
      }
    }
  } else if (c.accept("ALTER")) {
    c.accept("COLUMN");
    c.accept({"IF", "EXISTS"});
    const Token* name = c.peek();
    if (!name || !is_identifier(*name)) return;
    a.column_name = name->text;
    a.column_key = identifier_key(*name);
    c.skip();
    if (c.accept({"SET", "DATA", "TYPE"}) || c.accept("TYPE")) {
      a.kind = AlterKind::alter_type;
      std::vector<Token> type_tokens;
      while (!c.done() && !c.word("USING") && !c.word("COLLATE")) {
        type_tokens.push_back(*c.peek());
        c.skip();
      }
      a.column.has_type = true;
      a.column.type = make_sql_type(type_tokens);
    } else if (c.accept({"SET", "NOT", "NULL"})) {
      a.kind = AlterKind::set_not_null;
    } else if (c.accept({"DROP", "NOT", "NULL"})) {
      a.kind = AlterKind::drop_not_null;
    } else if (dialect == "sqlserver" && !c.word("SET") && !c.word("DROP") && !c.word("ADD")) {
      // SQL Server restates the column: ALTER COLUMN c type [NULL | NOT NULL].
      Cursor again(tokens);
      again.accept("ALTER");
      again.accept("COLUMN");
      a.column = column_definition(again.rest());
      if (a.column.has_type) {
        a.kind = AlterKind::alter_type;
        if (a.column.not_null) {
          AlterAction nn = a;
          nn.kind = AlterKind::set_not_null;
          out.push_back(a);
          out.push_back(std::move(nn));
          return;
        }
      }
    }
  } else if (mysql && (c.word("MODIFY") || c.word("CHANGE"))) {
    const bool change = c.word("CHANGE");
    c.skip();
    c.accept("COLUMN");
    c.accept({"IF", "EXISTS"});
    std::string old_name;
    std::string old_key;
    if (change && c.peek() && is_identifier(*c.peek())) {
      old_name = c.peek()->text;
      old_key = identifier_key(*c.peek());
      c.skip();
    }
    ColumnDefinition col = column_definition(c.rest());
    if (col.name.empty()) return;
    if (change && old_key != col.name.key) {
      AlterAction rename;
      rename.kind = AlterKind::rename_column;
      rename.column_name = old_name;
      rename.column_key = old_key;
      rename.new_name = col.name.name;
      out.push_back(std::move(rename));
    }
    a.kind = AlterKind::alter_type;
    a.column = col;
    a.column_name = col.name.name;
    a.column_key = col.name.key;
    if (col.not_null) {
      AlterAction nn = a;
      nn.kind = AlterKind::set_not_null;
      out.push_back(a);
      out.push_back(std::move(nn));
      return;
    }
  } else if (c.accept("RENAME")) {
    if (c.accept("TO") || c.accept("AS")) {
      a.kind = AlterKind::rename_table;
      a.new_name = c.name().display();
    } else if (c.word("CONSTRAINT") || c.word("INDEX") || c.word("KEY")) {
      a.kind = AlterKind::other;
    } else {
      const bool column = c.accept("COLUMN");
      const Token* from = c.peek();
      if (from && is_identifier(*from) && (column || c.word("TO", 1))) {
        a.kind = AlterKind::rename_column;
        a.column_name = from->text;
        a.column_key = identifier_key(*from);
        c.skip();
        c.accept("TO");
        if (c.peek()) a.new_name = c.peek()->text;
      } else if (from && is_identifier(*from)) {
        a.kind = AlterKind::rename_table;  // MySQL: RENAME new_name
        a.new_name = c.name().display();
      }
    }
  } else if (c.accept({"VALIDATE", "CONSTRAINT"})) {
    a.kind = AlterKind::validate_constraint;
    if (c.peek()) a.constraint.name = c.peek()->text;
  } else if (mysql && c.accept("ALGORITHM")) {
    a.kind = AlterKind::algorithm;
    a.option = option_value(c);
  } else if (mysql && c.accept("LOCK")) {
    a.kind = AlterKind::lock;
    a.option = option_value(c);
  } else if (mysql && c.accept({"CONVERT", "TO"})) {
    a.kind = AlterKind::convert_charset;
  } else if (c.accept({"DETACH", "PARTITION"})) {
    a.kind = AlterKind::detach_partition;
    a.column_name = c.name().display();
    a.concurrently = c.accept("CONCURRENTLY");
  }
  out.push_back(std::move(a));
}

void parse_alter_table(Cursor& c, std::string_view dialect, ParsedStatement& s) {
  s.kind = StatementKind::alter_table;
  c.accept({"IF", "EXISTS"});
  c.accept("ONLY");
  s.table = c.name();
  c.accept_punct("*");
  for (const auto part : split_top_level(c.rest())) {
    parse_alter_action(part, dialect, s.actions);
  }
  for (const auto& a : s.actions) {
    if (a.kind == AlterKind::algorithm) s.algorithm = a.option;
    if (a.kind == AlterKind::lock) s.lock = a.option;
  }
}

// MySQL: ALGORITHM=... and LOCK=... at the end of CREATE/DROP INDEX.
void trailing_mysql_options(Tokens rest, ParsedStatement& s) {
  for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
    if (!is_word(rest[i], "ALGORITHM") && !is_word(rest[i], "LOCK")) continue;
    std::size_t v = i + 1;
    if (is_punct(rest[v], "=")) ++v;
    if (v >= rest.size()) break;
    (is_word(rest[i], "ALGORITHM") ? s.algorithm : s.lock) = ascii_upper(rest[v].text);
  }
}

void parse_create_index(Cursor& c, std::string_view dialect, ParsedStatement& s) {
  s.kind = StatementKind::create_index;
  s.concurrently = c.accept("CONCURRENTLY");
  c.accept({"IF", "NOT", "EXISTS"});
  if (!c.word("ON")) s.index = c.name();
  if (c.accept("USING")) c.skip();  // MySQL: index type before ON
  if (!c.accept("ON")) return;
  c.accept("ONLY");
  s.table = c.name();
  if (c.accept("USING")) c.skip();  // PostgreSQL: access method
  for (const auto part : split_top_level(c.group())) {
    s.index_columns.push_back(!part.empty() && is_identifier(part.front())
                                  ? identifier_key(part.front())
                                  : std::string("(expression)"));
  }
  if (dialect == "mysql") trailing_mysql_options(c.rest(), s);
}

void parse_drop(Cursor& c, std::string_view dialect, ParsedStatement& s) {
  if (c.accept("TABLE")) {
    s.kind = StatementKind::drop_table;
    s.keyword = "DROP TABLE";
  } else if (c.accept("SCHEMA")) {
    // MySQL and MariaDB: a schema is a database.
    s.kind = dialect == "mysql" ? StatementKind::drop_database : StatementKind::drop_schema;
    s.keyword = "DROP SCHEMA";
  } else if (c.accept("DATABASE")) {
    s.kind = StatementKind::drop_database;
    s.keyword = "DROP DATABASE";
  } else if (c.accept("INDEX")) {
    s.kind = StatementKind::drop_index;
    s.keyword = "DROP INDEX";
    s.concurrently = c.accept("CONCURRENTLY");
  } else {
    s.kind = StatementKind::other_ddl;
    s.keyword = "DROP " + c.upper_word();
    return;
  }
  c.accept({"IF", "EXISTS"});
  s.objects = c.names();
  s.cascade = has_top_level(c.rest(), {"CASCADE"});
  if (s.kind == StatementKind::drop_index && c.accept("ON")) {
    s.table = c.name();  // MySQL, SQL Server: DROP INDEX name ON table
    if (dialect == "mysql") trailing_mysql_options(c.rest(), s);
  }
}

// WITH name AS (...), ... before DELETE/UPDATE/INSERT.
void skip_with(Cursor& c) {
  if (!c.accept("WITH")) return;
  c.accept("RECURSIVE");
  while (!c.done()) {
    c.skip();                           // the name
    if (c.punct("(")) (void)c.group();  // its columns
    c.accept("AS");
    c.accept({"NOT", "MATERIALIZED"}) || c.accept("MATERIALIZED");
    (void)c.group();
    if (!c.accept_punct(",")) break;
  }
}

bool is_transaction_start(const Cursor& c, std::string_view dialect) {
  if (dialect == "sqlserver") return c.word("TRAN", 1) || c.word("TRANSACTION", 1);
  const Token* next = c.peek(1);
  if (!next || is_punct(*next, ";")) return true;
  if (next->kind != TokenKind::word) return false;
  static const std::initializer_list<std::string_view> follows = {
      "TRANSACTION", "WORK", "DEFERRED", "IMMEDIATE", "EXCLUSIVE", "ISOLATION", "READ", "TRAN"};
  for (const auto f : follows) {
    if (next->upper == f) return true;
  }
  return false;
}

bool is_lock_timeout_setting(const Token& t) {
  if (t.kind != TokenKind::word && t.kind != TokenKind::quoted_identifier) return false;
  const std::string name = ascii_lower(t.text);
  return name == "lock_timeout" || name == "lock_wait_timeout" ||
         name == "innodb_lock_wait_timeout";
}

}  // namespace

bool is_identifier(const Token& token) noexcept {
  return token.kind == TokenKind::word || token.kind == TokenKind::quoted_identifier;
}

std::string identifier_key(const Token& token) {
  return token.kind == TokenKind::quoted_identifier ? token.text : ascii_lower(token.text);
}

bool same_object(const ObjectName& a, const ObjectName& b) noexcept {
  if (a.key != b.key) return false;
  return a.schema_key.empty() || b.schema_key.empty() || a.schema_key == b.schema_key;
}

bool ParsedStatement::is_ddl() const noexcept {
  switch (kind) {
    case StatementKind::create_table:
    case StatementKind::alter_table:
    case StatementKind::create_index:
    case StatementKind::drop_index:
    case StatementKind::drop_table:
    case StatementKind::drop_schema:
    case StatementKind::drop_database:
    case StatementKind::truncate:
    case StatementKind::rename_table:
    case StatementKind::rename_schema:
    case StatementKind::rename_enum_value:
    case StatementKind::alter_domain_add_constraint:
    case StatementKind::other_ddl:
      return true;
    default:
      return false;
  }
}

bool ParsedStatement::is_dml() const noexcept {
  return kind == StatementKind::delete_rows || kind == StatementKind::update_rows ||
         kind == StatementKind::insert_rows;
}

ParsedStatement parse_statement(std::string_view sql, std::string_view dialect) {
  ParsedStatement s;
  s.tokens = tokenize(sql, dialect);
  while (!s.tokens.empty() && is_punct(s.tokens.back(), ";")) s.tokens.pop_back();
  Cursor c(s.tokens);
  skip_with(c);
  const std::string first = c.upper_word();
  s.keyword = first;
  if (first.empty()) return s;
  c.skip();

  if (first == "CREATE") {
    s.or_replace = c.accept({"OR", "REPLACE"});
    while (c.accept("GLOBAL") || c.accept("LOCAL") || c.accept("TEMPORARY") || c.accept("TEMP") ||
           c.accept("UNLOGGED") || c.accept("ONLINE") || c.accept("OFFLINE")) {
    }
    if (c.accept("TABLE")) {
      s.keyword = s.or_replace ? "CREATE OR REPLACE TABLE" : "CREATE TABLE";
      parse_create_table(c, s);
    } else if (c.accept({"UNIQUE", "INDEX"})) {
      s.keyword = "CREATE UNIQUE INDEX";
      s.unique = true;
      parse_create_index(c, dialect, s);
    } else if (c.accept("INDEX") || c.accept({"FULLTEXT", "INDEX"}) ||
               c.accept({"SPATIAL", "INDEX"})) {
      s.keyword = "CREATE INDEX";
      parse_create_index(c, dialect, s);
    } else {
      s.kind = StatementKind::other_ddl;
      s.keyword = "CREATE " + c.upper_word();
    }
  } else if (first == "ALTER") {
    c.accept("ONLINE");
    c.accept("IGNORE");
    if (c.accept("TABLE")) {
      s.keyword = "ALTER TABLE";
      parse_alter_table(c, dialect, s);
    } else if ((c.word("SCHEMA") || c.word("DATABASE")) && has_top_level(c.rest(), {"RENAME"})) {
      s.kind = StatementKind::rename_schema;
      c.skip();
      s.objects.push_back(c.name());
    } else if (c.accept("TYPE")) {
      s.objects.push_back(c.name());
      s.kind = c.accept({"RENAME", "VALUE"}) ? StatementKind::rename_enum_value
                                             : StatementKind::other_ddl;
      s.keyword = "ALTER TYPE";
    } else if (c.accept("DOMAIN")) {
      s.objects.push_back(c.name());
      s.keyword = "ALTER DOMAIN";
      s.kind =
          c.word("ADD") ? StatementKind::alter_domain_add_constraint : StatementKind::other_ddl;
      s.not_valid = has_top_level(c.rest(), {"NOT", "VALID"});
    } else {
      s.kind = StatementKind::other_ddl;
      s.keyword = "ALTER " + c.upper_word();
    }
  } else if (first == "DROP") {
    parse_drop(c, dialect, s);
  } else if (first == "TRUNCATE") {
    s.kind = StatementKind::truncate;
    c.accept("TABLE");
    s.objects = c.names();
    s.cascade = has_top_level(c.rest(), {"CASCADE"});
  } else if (first == "DELETE") {
    s.kind = StatementKind::delete_rows;
    while (c.accept("LOW_PRIORITY") || c.accept("QUICK") || c.accept("IGNORE")) {
    }
    if (c.word("TOP")) {  // SQL Server DELETE TOP (n)
      c.skip();
      (void)c.group();
    }
    c.accept("FROM");
    c.accept("ONLY");
    s.table = c.name();
    s.has_where = has_top_level(c.rest(), {"WHERE"});
  } else if (first == "UPDATE") {
    s.kind = StatementKind::update_rows;
    while (c.accept("LOW_PRIORITY") || c.accept("IGNORE") || c.accept("ONLY")) {
    }
    s.table = c.name();
    s.has_where = has_top_level(c.rest(), {"WHERE"});
  } else if (first == "INSERT" || first == "REPLACE" || first == "MERGE" || first == "UPSERT" ||
             first == "COPY" || first == "LOAD") {
    s.kind = StatementKind::insert_rows;
    c.accept("INTO");
    s.table = c.name();
  } else if (first == "RENAME" && c.accept("TABLE")) {
    s.kind = StatementKind::rename_table;
    s.keyword = "RENAME TABLE";
    for (const auto pair : split_top_level(c.rest())) {
      Cursor p(pair);
      ObjectName from = p.name();
      if (from.empty() || !p.accept("TO")) continue;
      AlterAction a;
      a.kind = AlterKind::rename_table;
      a.new_name = p.name().display();
      s.objects.push_back(from);
      s.actions.push_back(std::move(a));
    }
    if (!s.objects.empty()) s.table = s.objects.front();
  } else if (first == "VACUUM") {
    s.kind = StatementKind::vacuum;
    s.full = c.word("FULL") || (c.punct("(") && has_word_anywhere(c.group(), "FULL"));
  } else if (first == "CLUSTER") {
    s.kind = StatementKind::cluster;
    c.accept("VERBOSE");
    s.table = c.name();
  } else if (first == "REINDEX") {
    s.kind = StatementKind::reindex;
    s.concurrently = has_word_anywhere(c.rest(), "CONCURRENTLY");
    if (c.punct("(")) (void)c.group();
    c.skip();  // INDEX | TABLE | SCHEMA | DATABASE | SYSTEM
    c.accept("CONCURRENTLY");
    s.objects = c.names();
  } else if (first == "DO" || first == "CALL" || first == "EXECUTE" || first == "EXEC") {
    s.kind = StatementKind::opaque;
  } else if (first == "BEGIN") {
    if (is_transaction_start(Cursor(s.tokens), dialect))
      s.kind = StatementKind::transaction_control;
  } else if (first == "START" && c.word("TRANSACTION")) {
    s.kind = StatementKind::transaction_control;
  } else if (first == "COMMIT" || first == "ABORT" ||
             (first == "ROLLBACK" && !has_top_level(c.rest(), {"TO"})) ||
             (first == "END" && (c.done() || c.word("TRANSACTION") || c.word("WORK")))) {
    s.kind = StatementKind::transaction_control;
  } else if (first == "SET") {
    for (const auto& t : c.rest()) {
      if (is_lock_timeout_setting(t)) {
        s.kind = StatementKind::set_lock_timeout;
        break;
      }
    }
  } else if (first == "COMMENT" || first == "GRANT" || first == "REVOKE") {
    s.kind = StatementKind::other_ddl;
  }
  return s;
}

}  // namespace migcmd::governance::risk
