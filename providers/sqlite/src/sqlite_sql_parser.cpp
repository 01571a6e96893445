// CREATE TABLE and CREATE INDEX statements, as sqlite_schema keeps them, read over tokens
// (https://www.sqlite.org/lang_createtable.html, lang_createindex.html).

#include "sqlite_sql_parser.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace migcmd::sqlite {
namespace {

// Tokens [first, last) of a statement.
struct Span {
  std::size_t first;
  std::size_t last;
  [[nodiscard]] bool empty() const { return first >= last; }
  [[nodiscard]] std::size_t size() const { return last - first; }
};

class Statement {
 public:
  explicit Statement(std::string_view sql) : sql_(sql), tokens_(tokenize(sql)) {}

  [[nodiscard]] std::size_t size() const { return tokens_.size(); }
  [[nodiscard]] const Token& operator[](std::size_t i) const { return tokens_[i]; }

  [[nodiscard]] bool keyword(std::size_t i, std::string_view word) const {
    if (i >= tokens_.size() || tokens_[i].kind != TokenKind::word) return false;
    const std::string& v = tokens_[i].value;
    return std::equal(v.begin(), v.end(), word.begin(), word.end(), [](char a, char b) {
      return std::toupper(static_cast<unsigned char>(a)) ==
             std::toupper(static_cast<unsigned char>(b));
    });
  }
  [[nodiscard]] bool symbol(std::size_t i, std::string_view s) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::symbol && tokens_[i].value == s;
  }

  // The index of the ")" closing the "(" at `open`; size() when it is missing.
  [[nodiscard]] std::size_t closing(std::size_t open) const {
    int depth = 0;
    for (std::size_t i = open; i < tokens_.size(); ++i) {
      if (symbol(i, "(")) ++depth;
      if (symbol(i, ")") && --depth == 0) return i;
    }
    return tokens_.size();
  }

  // The comma-separated parts of `span` at parenthesis depth zero.
  [[nodiscard]] std::vector<Span> split(Span span) const {
    std::vector<Span> parts;
    std::size_t start = span.first;
    for (std::size_t i = span.first; i < span.last; ++i) {
      if (symbol(i, "(")) {
        i = std::min(closing(i), span.last);
      } else if (symbol(i, ",")) {
        parts.push_back({start, i});
        start = i + 1;
      }
    }
    if (start < span.last) parts.push_back({start, span.last});
    return parts;
  }

  // The source text of `span`, exactly as written.
  [[nodiscard]] std::string text(Span span) const {
    if (span.empty()) return {};
    const std::size_t begin = tokens_[span.first].begin;
    return std::string(sql_.substr(begin, tokens_[span.last - 1].end - begin));
  }

  // The inside of the parenthesised group opening at `open`.
  [[nodiscard]] Span inside(std::size_t open) const { return {open + 1, closing(open)}; }

  // The first token's name of each part of a column list: "(a COLLATE x DESC, b)" -> a, b.
  [[nodiscard]] std::vector<std::string> names(Span list) const {
    std::vector<std::string> out;
    for (const Span& part : split(list)) out.push_back(tokens_[part.first].value);
    return out;
  }

 private:
  std::string_view sql_;
  std::vector<Token> tokens_;
};

// "REFERENCES t (a, b) ON DELETE CASCADE ..." starting at `at` (the REFERENCES keyword) into
// `fk`; returns the index after what was read.
std::size_t read_references(const Statement& s, std::size_t at, std::size_t last, ForeignKey& fk) {
  std::size_t i = at + 1;
  if (i >= last) return last;
  fk.referenced_table = QualifiedName(s[i].value);
  ++i;
  if (s.symbol(i, ".") && i + 1 < last) {  // schema.table
    fk.referenced_table = QualifiedName(fk.referenced_table.name, s[i + 1].value);
    i += 2;
  }
  if (s.symbol(i, "(")) {
    const Span cols = s.inside(i);
    fk.referenced_columns = s.names(cols);
    i = cols.last + 1;
  }
  while (i < last && s.keyword(i, "ON")) {
    const bool on_delete = s.keyword(i + 1, "DELETE");
    std::string action;
    i += 2;
    if (s.keyword(i, "SET") || s.keyword(i, "NO")) {
      action = s[i].value + " " + (i + 1 < last ? s[i + 1].value : "");
      i += 2;
    } else if (i < last) {
      action = s[i].value;
      ++i;
    }
    std::transform(action.begin(), action.end(), action.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const auto parsed = referential_action_from_string(action);
    if (parsed) (on_delete ? fk.on_delete : fk.on_update) = *parsed;
  }
  return i;
}

// A table constraint: [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY.
void read_table_constraint(const Statement& s, Span part, ParsedTable& out) {
  std::size_t i = part.first;
  std::string name;
  if (s.keyword(i, "CONSTRAINT") && i + 1 < part.last) {
    name = s[i + 1].value;
    i += 2;
  }
  std::size_t open = i;
  while (open < part.last && !s.symbol(open, "(")) ++open;
  if (open >= part.last) return;
  const Span inner = s.inside(open);
  if (s.keyword(i, "PRIMARY")) {
    out.primary_key = PrimaryKey{name, s.names(inner)};
  } else if (s.keyword(i, "UNIQUE")) {
    out.uniques.push_back({name, s.names(inner)});
  } else if (s.keyword(i, "CHECK")) {
    out.checks.push_back({name, s.text(inner)});
  } else if (s.keyword(i, "FOREIGN")) {
    ForeignKey fk;
    fk.name = name;
    fk.columns = s.names(inner);
    std::size_t ref = inner.last + 1;
    while (ref < part.last && !s.keyword(ref, "REFERENCES")) ++ref;
    if (ref < part.last) read_references(s, ref, part.last, fk);
    out.foreign_keys.push_back(std::move(fk));
  }
}

// A column definition: name, type, then column constraints, each maybe named.
void read_column(const Statement& s, Span part, ParsedTable& out) {
  ParsedColumn column{s[part.first].value, {}, false};
  // "CONSTRAINT name" names only the constraint right after it (NOT NULL, DEFAULT... included).
  std::string pending;
  std::size_t named = part.last;  // the token the pending name belongs to
  const auto name = [&](std::size_t at) -> std::string {
    return at == named ? std::exchange(pending, {}) : std::string();
  };
  for (std::size_t i = part.first + 1; i < part.last; ++i) {
    if (s.keyword(i, "CONSTRAINT") && i + 1 < part.last) {
      pending = s[++i].value;
      named = i + 1;
    } else if (s.keyword(i, "PRIMARY")) {
      out.primary_key = PrimaryKey{name(i), {column.name}};
    } else if (s.keyword(i, "AUTOINCREMENT")) {
      column.autoincrement = true;
    } else if (s.keyword(i, "UNIQUE")) {
      out.uniques.push_back({name(i), {column.name}});
    } else if (s.keyword(i, "CHECK") && s.symbol(i + 1, "(")) {
      const Span inner = s.inside(i + 1);
      out.checks.push_back({name(i), s.text(inner)});
      i = inner.last;
    } else if (s.keyword(i, "REFERENCES")) {
      ForeignKey fk;
      fk.name = name(i);
      fk.columns = {column.name};
      i = read_references(s, i, part.last, fk) - 1;
      out.foreign_keys.push_back(std::move(fk));
    } else if (s.keyword(i, "COLLATE") && i + 1 < part.last) {
      column.collation = s[++i].value;
    } else if (s.symbol(i, "(")) {
      i = std::min(s.closing(i), part.last);  // a type's size, a default or generated expression
    }
  }
  out.columns.push_back(std::move(column));
}

bool starts_table_constraint(const Statement& s, std::size_t i) {
  return s.keyword(i, "CONSTRAINT") || s.keyword(i, "PRIMARY") || s.keyword(i, "UNIQUE") ||
         s.keyword(i, "CHECK") || s.keyword(i, "FOREIGN");
}

}  // namespace

std::string strip_outer_parentheses(std::string_view text) {
  const Statement s(text);
  if (s.size() >= 2 && s.symbol(0, "(") && s.closing(0) == s.size() - 1) {
    return s.text(s.inside(0));
  }
  return std::string(text);
}

ParsedTable parse_create_table(std::string_view sql) {
  const Statement s(sql);
  ParsedTable out;
  std::size_t open = 0;
  while (open < s.size() && !s.symbol(open, "(") && !s.keyword(open, "AS")) ++open;
  if (!s.symbol(open, "(")) return out;
  for (const Span& part : s.split(s.inside(open))) {
    if (starts_table_constraint(s, part.first)) {
      read_table_constraint(s, part, out);
    } else {
      read_column(s, part, out);
    }
  }
  return out;
}

ParsedIndex parse_create_index(std::string_view sql) {
  const Statement s(sql);
  ParsedIndex out;
  std::size_t on = 0;
  while (on < s.size() && !s.keyword(on, "ON")) ++on;
  std::size_t open = on;
  while (open < s.size() && !s.symbol(open, "(")) ++open;
  if (open >= s.size()) return out;
  const Span inner = s.inside(open);
  for (Span part : s.split(inner)) {
    IndexPart index_part;
    if (part.size() > 1 && (s.keyword(part.last - 1, "DESC") || s.keyword(part.last - 1, "ASC"))) {
      index_part.descending = s.keyword(part.last - 1, "DESC");
      --part.last;
    }
    if (part.size() > 2 && s.keyword(part.last - 2, "COLLATE")) part.last -= 2;
    const bool column = part.size() == 1 && (s[part.first].kind == TokenKind::word ||
                                             s[part.first].kind == TokenKind::identifier);
    if (column) {
      index_part.column = s[part.first].value;
    } else {
      index_part.expression = strip_outer_parentheses(s.text(part));
    }
    out.parts.push_back(std::move(index_part));
  }
  std::size_t where = inner.last + 1;
  if (s.keyword(where, "WHERE")) {
    std::size_t last = s.size();
    while (last > where + 1 && s.symbol(last - 1, ";")) --last;
    out.where = s.text({where + 1, last});
  }
  return out;
}

}  // namespace migcmd::sqlite
