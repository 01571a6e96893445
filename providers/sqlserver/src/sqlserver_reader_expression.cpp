// Check, filter and default expressions as the catalog prints them, back to how they are written.
//
// SQL Server keeps a parse tree and prints it again when the catalog is read: identifiers in
// brackets, numeric constants in parentheses, no spaces around operators, LIKE in lower case, an
// IN list as ORs in reverse order and BETWEEN as two comparisons. What the dialect wrote is put
// back where that is certain to mean the same; BETWEEN is not (the catalog cannot tell it from
// the comparisons written out).

#include "sqlserver_reader_expression.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <vector>

namespace migcmd::sqlserver {

namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && upper(a) == upper(b);
}

// The reserved keywords of T-SQL (Microsoft's "Reserved Keywords (Transact-SQL)").
constexpr std::string_view reserved_words =
    "ADD ALL ALTER AND ANY AS ASC AUTHORIZATION BACKUP BEGIN BETWEEN BREAK BROWSE BULK BY "
    "CASCADE CASE CHECK CHECKPOINT CLOSE CLUSTERED COALESCE COLLATE COLUMN COMMIT COMPUTE "
    "CONSTRAINT CONTAINS CONTAINSTABLE CONTINUE CONVERT CREATE CROSS CURRENT CURRENT_DATE "
    "CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DBCC DEALLOCATE DECLARE "
    "DEFAULT DELETE DENY DESC DISK DISTINCT DISTRIBUTED DOUBLE DROP DUMP ELSE END ERRLVL "
    "ESCAPE EXCEPT EXEC EXECUTE EXISTS EXIT EXTERNAL FETCH FILE FILLFACTOR FOR FOREIGN "
    "FREETEXT FREETEXTTABLE FROM FULL FUNCTION GOTO GRANT GROUP HAVING HOLDLOCK IDENTITY "
    "IDENTITYCOL IDENTITY_INSERT IF IN INDEX INNER INSERT INTERSECT INTO IS JOIN KEY KILL "
    "LEFT LIKE LINENO LOAD MERGE NATIONAL NOCHECK NONCLUSTERED NOT NULL NULLIF OF OFF "
    "OFFSETS ON OPEN OPENDATASOURCE OPENQUERY OPENROWSET OPENXML OPTION OR ORDER OUTER OVER "
    "PERCENT PIVOT PLAN PRECISION PRIMARY PRINT PROC PROCEDURE PUBLIC RAISERROR READ "
    "READTEXT RECONFIGURE REFERENCES REPLICATION RESTORE RESTRICT RETURN REVERT REVOKE RIGHT "
    "ROLLBACK ROWCOUNT ROWGUIDCOL RULE SAVE SCHEMA SECURITYAUDIT SELECT "
    "SEMANTICKEYPHRASETABLE SEMANTICSIMILARITYDETAILSTABLE SEMANTICSIMILARITYTABLE "
    "SESSION_USER SET SETUSER SHUTDOWN SOME STATISTICS SYSTEM_USER TABLE TABLESAMPLE "
    "TEXTSIZE THEN TO TOP TRAN TRANSACTION TRIGGER TRUNCATE TRY_CONVERT TSEQUAL UNION UNIQUE "
    "UNPIVOT UPDATE UPDATETEXT USE USER VALUES VARYING VIEW WAITFOR WHEN WHERE WHILE WITH "
    "WITHIN WRITETEXT";

// ---- tokens -----------------------------------------------------------------------------------

enum class Tok { word, quoted, string, number, op, open, close, comma, other };

struct Token {
  Tok kind;
  std::string text;
  bool space_before = false;  // whitespace preceded it in the catalog's text
};

bool is_word_char(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '@' || c == '#' || c == '$' || c >= 0x80;
}

bool is_op_char(char c) {
  return std::string_view("<>=!+-*/%&|^~").find(c) != std::string_view::npos;
}

// The end of a delimited run starting at text[i] == `close`'s opener, a doubled `close` being
// part of it.
std::size_t delimited_end(std::string_view text, std::size_t i, char close) {
  for (std::size_t j = i + 1; j < text.size(); ++j) {
    if (text[j] != close) continue;
    if (j + 1 < text.size() && text[j + 1] == close) {
      ++j;
      continue;
    }
    return j + 1;
  }
  return text.size();
}

std::size_t number_end(std::string_view text, std::size_t i) {
  auto digit = [&](std::size_t k) {
    return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]));
  };
  std::size_t j = i;
  if (text[i] == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
    j = i + 2;
    while (j < text.size() && std::isxdigit(static_cast<unsigned char>(text[j]))) ++j;
    return j;
  }
  while (digit(j) || (j < text.size() && text[j] == '.')) ++j;
  if (j < text.size() && (text[j] == 'e' || text[j] == 'E')) {
    std::size_t k = j + 1;
    if (k < text.size() && (text[k] == '+' || text[k] == '-')) ++k;
    if (digit(k)) {
      while (digit(k)) ++k;
      j = k;
    }
  }
  return j;
}

std::vector<Token> tokenise(std::string_view sql) {
  std::vector<Token> out;
  bool space = false;
  std::size_t i = 0;
  auto push = [&](Tok kind, std::size_t end) {
    out.push_back({kind, std::string(sql.substr(i, end - i)), space});
    space = false;
    i = end;
  };
  while (i < sql.size()) {
    const auto c = static_cast<unsigned char>(sql[i]);
    const std::size_t next = i + 1;
    if (std::isspace(c)) {
      space = true;
      ++i;
    } else if (c == '[') {
      push(Tok::quoted, delimited_end(sql, i, ']'));
    } else if (c == '"') {
      push(Tok::quoted, delimited_end(sql, i, '"'));
    } else if (c == '\'') {
      push(Tok::string, delimited_end(sql, i, '\''));
    } else if ((c == 'N' || c == 'n') && next < sql.size() && sql[next] == '\'') {
      push(Tok::string, delimited_end(sql, next, '\''));
    } else if (std::isdigit(c) || (c == '.' && next < sql.size() &&
                                   std::isdigit(static_cast<unsigned char>(sql[next])))) {
      push(Tok::number, number_end(sql, i));
    } else if (std::isalpha(c) || c == '_' || c == '@' || c == '#' || c >= 0x80) {
      std::size_t j = next;
      while (j < sql.size() && is_word_char(static_cast<unsigned char>(sql[j]))) ++j;
      push(Tok::word, j);
    } else if (c == '(') {
      push(Tok::open, next);
    } else if (c == ')') {
      push(Tok::close, next);
    } else if (c == ',') {
      push(Tok::comma, next);
    } else if (is_op_char(static_cast<char>(c))) {
      const std::string_view two = sql.substr(i, 2);
      const bool pair =
          two == "<>" || two == "<=" || two == ">=" || two == "!=" || two == "!<" || two == "!>";
      push(Tok::op, pair ? i + 2 : next);
    } else {
      push(Tok::other, next);
    }
  }
  return out;
}

// The index of the ")" matching the "(" at `open`, or npos.
std::size_t matching(const std::vector<Token>& t, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < t.size(); ++i) {
    if (t[i].kind == Tok::open) ++depth;
    if (t[i].kind == Tok::close && --depth == 0) return i;
  }
  return std::string::npos;
}

void strip_outer(std::vector<Token>& t) {
  while (t.size() >= 2 && t.front().kind == Tok::open && matching(t, 0) == t.size() - 1) {
    t.pop_back();
    t.erase(t.begin());
  }
  if (!t.empty()) t.front().space_before = false;
}

bool is_reserved(const Token& t) {
  return t.kind == Tok::word && is_reserved_word(t.text);
}

// Reserved words that are also functions: "left(" is a call, "AND (" a group.
bool is_function_keyword(std::string_view word) {
  for (std::string_view f : {"COALESCE", "CONVERT", "LEFT", "NULLIF", "RIGHT", "TRY_CONVERT"}) {
    if (iequals(word, f)) return true;
  }
  return false;
}

// Whether the "(" at `i` opens the arguments of a function (or an IN list) rather than grouping.
bool is_call(const std::vector<Token>& t, std::size_t i) {
  if (i == 0) return false;
  const Token& before = t[i - 1];
  if (before.kind == Tok::quoted || before.kind == Tok::close) return true;
  if (before.kind != Tok::word) return false;
  if (!is_reserved(before)) return true;
  return iequals(before.text, "IN") || (!t[i].space_before && is_function_keyword(before.text));
}

// "(0)" -> "0", "(-1)" -> "-1": the parentheses SQL Server puts around every numeric constant.
void unwrap_constants(std::vector<Token>& t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Tok::open || is_call(t, i)) continue;
    std::size_t k = i + 1;
    std::string sign;
    if (k < t.size() && t[k].kind == Tok::op && (t[k].text == "-" || t[k].text == "+")) {
      sign = t[k].text;
      ++k;
    }
    if (k + 1 >= t.size() || t[k].kind != Tok::number || t[k + 1].kind != Tok::close) continue;
    Token number{Tok::number, sign + t[k].text, t[i].space_before};
    t.erase(t.begin() + static_cast<std::ptrdiff_t>(i),
            t.begin() + static_cast<std::ptrdiff_t>(k + 2));
    t.insert(t.begin() + static_cast<std::ptrdiff_t>(i), std::move(number));
    // "((0))": look at the parentheses around the new constant again.
    i = i >= 2 ? i - 2 : static_cast<std::size_t>(-1);
  }
}

// A name that reads the same without delimiters: ASCII letters, digits and '_', not starting
// with a digit, and not a reserved word.
bool plain_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  const bool simple = std::all_of(name.begin(), name.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && (std::isalnum(u) || c == '_');
  });
  return simple && !is_reserved_word(name);
}

void unbracket(std::vector<Token>& t) {
  for (auto& token : t) {
    if (token.kind != Tok::quoted || token.text.size() < 2 || token.text.front() != '[') continue;
    std::string name;
    for (std::size_t i = 1; i + 1 < token.text.size(); ++i) {
      name += token.text[i];
      if (token.text[i] == ']') ++i;
    }
    if (plain_name(name)) {
      token.text = name;
      token.kind = Tok::word;
    }
  }
}

// The tokens "c IN (v1, v2, ...)" when [b, e) is "c = vn OR ... OR c = v1" (two or more literals
// compared with one column): how SQL Server stores "c IN (v1, ..., vn)".
std::optional<std::vector<Token>> in_list(const std::vector<Token>& t, std::size_t b,
                                          std::size_t e) {
  std::vector<Token> literals;
  std::string column;
  for (std::size_t i = b;; i += 4) {
    if (i + 3 > e) return std::nullopt;
    const Token& name = t[i];
    const Token& eq = t[i + 1];
    const Token& value = t[i + 2];
    const bool is_name = name.kind == Tok::quoted || (name.kind == Tok::word && !is_reserved(name));
    if (!is_name || eq.kind != Tok::op || eq.text != "=") return std::nullopt;
    if (value.kind != Tok::string && value.kind != Tok::number) return std::nullopt;
    if (literals.empty()) column = name.text;
    if (name.text != column) return std::nullopt;
    literals.push_back(value);
    if (i + 3 == e) break;
    if (t[i + 3].kind != Tok::word || !iequals(t[i + 3].text, "OR")) return std::nullopt;
  }
  if (literals.size() < 2) return std::nullopt;
  std::vector<Token> out{
      {t[b].kind, column, false}, {Tok::word, "IN", true}, {Tok::open, "(", true}};
  for (auto it = literals.rbegin(); it != literals.rend(); ++it) {
    if (it != literals.rbegin()) out.push_back({Tok::comma, ",", false});
    out.push_back({it->kind, it->text, false});
  }
  out.push_back({Tok::close, ")", false});
  return out;
}

void restore_in_lists(std::vector<Token>& t) {
  if (auto whole = in_list(t, 0, t.size())) {
    t = std::move(*whole);
    return;
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Tok::open || is_call(t, i)) continue;
    const std::size_t close = matching(t, i);
    if (close == std::string::npos) return;
    auto list = in_list(t, i + 1, close);
    if (!list) continue;
    list->front().space_before = t[i].space_before;
    t.erase(t.begin() + static_cast<std::ptrdiff_t>(i),
            t.begin() + static_cast<std::ptrdiff_t>(close + 1));
    t.insert(t.begin() + static_cast<std::ptrdiff_t>(i), list->begin(), list->end());
  }
}

// Reserved words in upper case, except where one is called as a function ("left(", "coalesce(").
void upper_keywords(std::vector<Token>& t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!is_reserved(t[i])) continue;
    const bool called = i + 1 < t.size() && t[i + 1].kind == Tok::open && !t[i + 1].space_before;
    if (!called) t[i].text = upper(t[i].text);
  }
}

bool is_binary_operator(const std::vector<Token>& t, std::size_t i) {
  if (t[i].kind != Tok::op || t[i].text == "~" || i == 0) return false;
  const Token& before = t[i - 1];
  switch (before.kind) {
    case Tok::word:
      return !is_reserved(before) || iequals(before.text, "NULL");
    case Tok::quoted:
    case Tok::string:
    case Tok::number:
    case Tok::close:
      return true;
    default:
      return false;
  }
}

std::string render(const std::vector<Token>& t) {
  std::string out;
  bool separated = true;  // out ends with a separator, or is empty
  for (std::size_t i = 0; i < t.size(); ++i) {
    const Token& token = t[i];
    if (is_binary_operator(t, i)) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += " " + token.text + " ";
      separated = true;
      continue;
    }
    if (token.kind == Tok::comma) {
      out += ", ";
      separated = true;
      continue;
    }
    const bool after_open = i > 0 && t[i - 1].kind == Tok::open;
    if (!separated && token.space_before && token.kind != Tok::close && !after_open) out += ' ';
    out += token.text;
    separated = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<Token> normalised_tokens(std::string_view expression) {
  std::vector<Token> t = tokenise(expression);
  strip_outer(t);
  unwrap_constants(t);
  strip_outer(t);
  unbracket(t);
  restore_in_lists(t);
  upper_keywords(t);
  return t;
}

}  // namespace

bool is_reserved_word(std::string_view word) {
  static const std::set<std::string, std::less<>> words = [] {
    std::set<std::string, std::less<>> out;
    std::string_view rest = reserved_words;
    while (!rest.empty()) {
      const auto space = rest.find(' ');
      out.emplace(rest.substr(0, space));
      rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
    }
    return out;
  }();
  return words.count(upper(word)) != 0;
}

std::string strip_enclosing_parentheses(std::string_view expression) {
  std::vector<Token> t = tokenise(expression);
  strip_outer(t);
  std::string out;
  for (const auto& token : t) {
    if (token.space_before && !out.empty()) out += ' ';
    out += token.text;
  }
  return out;
}

std::string normalise_expression(std::string_view expression) {
  return render(normalised_tokens(expression));
}

}  // namespace migcmd::sqlserver
