#include "risk/sql_type.hpp"

#include <charconv>
#include <map>

namespace migcmd::governance::risk {
namespace {

std::string normalise(const std::string& name) {
  static const std::map<std::string, std::string, std::less<>> families = {
      {"int", "int"},
      {"integer", "int"},
      {"int4", "int"},
      {"mediumint", "int"},
      {"smallint", "smallint"},
      {"int2", "smallint"},
      {"tinyint", "smallint"},
      {"bigint", "bigint"},
      {"int8", "bigint"},
      {"serial", "serial"},
      {"serial4", "serial"},
      {"smallserial", "smallserial"},
      {"serial2", "smallserial"},
      {"bigserial", "bigserial"},
      {"serial8", "bigserial"},
      {"char", "char"},
      {"character", "char"},
      {"nchar", "char"},
      {"national character", "char"},
      {"national char", "char"},
      {"bpchar", "char"},
      {"varchar", "varchar"},
      {"nvarchar", "varchar"},
      {"varchar2", "varchar"},
      {"character varying", "varchar"},
      {"char varying", "varchar"},
      {"national character varying", "varchar"},
      {"national char varying", "varchar"},
      {"timestamp", "timestamp"},
      {"timestamp without time zone", "timestamp"},
      {"timestamp with time zone", "timestamptz"},
      {"timestamptz", "timestamptz"},
      {"numeric", "numeric"},
      {"decimal", "numeric"},
      {"dec", "numeric"},
  };
  const auto it = families.find(name);
  return it == families.end() ? name : it->second;
}

}  // namespace

bool SqlType::integer_narrower_than_bigint() const {
  return base == "smallint" || base == "int" || base == "serial" || base == "smallserial";
}

bool SqlType::is_serial() const {
  return base == "serial" || base == "smallserial" || base == "bigserial";
}

SqlType make_sql_type(const std::vector<Token>& tokens) {
  SqlType type;
  std::string words;
  int depth = 0;
  for (const auto& t : tokens) {
    if (!type.text.empty() && t.kind != TokenKind::punct && type.text.back() != '(') {
      type.text += ' ';
    }
    type.text += t.kind == TokenKind::quoted_identifier ? "\"" + t.text + "\"" : t.text;
    if (t.kind == TokenKind::punct) {
      if (t.text == "(") ++depth;
      if (t.text == ")") --depth;
      if (t.text == "[") type.array = true;
      if (t.text == "." && depth == 0) words.clear();  // pg_catalog.int4: the type's own name
      continue;
    }
    if (depth > 0) {
      if (t.kind == TokenKind::number) {
        int value = 0;
        const auto* end = t.text.data() + t.text.size();
        if (std::from_chars(t.text.data(), end, value).ec == std::errc{}) {
          type.args.push_back(value);
        }
      }
      continue;
    }
    if (t.kind == TokenKind::word || t.kind == TokenKind::quoted_identifier) {
      if (t.kind == TokenKind::word && t.upper == "ARRAY") {
        type.array = true;
        continue;
      }
      if (t.kind == TokenKind::word && (t.upper == "UNSIGNED" || t.upper == "SIGNED" ||
                                        t.upper == "ZEROFILL" || t.upper == "BINARY")) {
        continue;  // MySQL attributes, not part of the family
      }
      if (!words.empty()) words += ' ';
      words += t.kind == TokenKind::word ? ascii_lower(t.text) : t.text;
    }
  }
  // "timestamp(3) with time zone": the precision was skipped above.
  type.base = normalise(words);
  return type;
}

}  // namespace migcmd::governance::risk
