#include "scaffold/cpp_literals.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace migcmd::detail {
namespace {

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
      n = 1;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
      n = 3;
    } else {
      return false;
    }
    if (i + n >= text.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

bool control(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
}

// Multi-line SQL reads better as it is: a raw literal, when nothing in it needs escaping.
bool raw_literal_fits(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return false;
  if (text.find(")sql\"") != std::string_view::npos) return false;
  for (char c : text) {
    if (control(c) && c != '\n' && c != '\t') return false;
  }
  return valid_utf8(text);
}

std::string quoted(std::string_view text) {
  const bool utf8 = valid_utf8(text);
  std::string out = "\"";
  char previous = 0;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '?':
        // "??" would start a trigraph in older standards.
        out += previous == '?' ? "\\?" : "?";
        break;
      default:
        if (control(c) || (!utf8 && static_cast<unsigned char>(c) >= 0x80)) {
          // Three octal digits end the escape, whatever follows.
          out += fmt::format("\\{:03o}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
    previous = c;
  }
  return out + "\"";
}

std::string cpp_double(double d) {
  if (std::isnan(d)) return "std::numeric_limits<double>::quiet_NaN()";
  if (std::isinf(d))
    return d > 0 ? "std::numeric_limits<double>::infinity()"
                 : "-std::numeric_limits<double>::infinity()";
  std::string text = fmt::format("{}", d);  // the shortest text that reads back the same
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::string with_store_type(std::string expr, const Type& type) {
  if (type.store_type.empty()) return expr;
  return fmt::format("{}.with_store_type({})", expr, cpp_string(type.store_type));
}

// The factory call for a type without its store type, if one spells it exactly.
std::string factory(const Type& type) {
  Type bare = type;
  bare.store_type.clear();
  std::string expr;
  Type made;
  switch (bare.kind) {
    case TypeKind::boolean:
      expr = "boolean()", made = Type::boolean();
      break;
    case TypeKind::int16:
      expr = "int16()", made = Type::int16();
      break;
    case TypeKind::int32:
      expr = "int32()", made = Type::int32();
      break;
    case TypeKind::int64:
      expr = "int64()", made = Type::int64();
      break;
    case TypeKind::decimal:
      if (!bare.precision || !bare.scale) return {};
      expr = fmt::format("decimal({}, {})", *bare.precision, *bare.scale);
      made = Type::decimal(*bare.precision, *bare.scale);
      break;
    case TypeKind::float32:
      expr = "float32()", made = Type::float32();
      break;
    case TypeKind::float64:
      expr = "float64()", made = Type::float64();
      break;
    case TypeKind::string:
      if (!bare.length) return {};
      expr = fmt::format("string({})", *bare.length), made = Type::string(*bare.length);
      break;
    case TypeKind::text:
      expr = "text()", made = Type::text();
      break;
    case TypeKind::binary:
      expr = bare.length ? fmt::format("binary({})", *bare.length) : "binary()";
      made = Type::binary(bare.length);
      break;
    case TypeKind::date:
      expr = "date()", made = Type::date();
      break;
    case TypeKind::time:
      expr = "time()", made = Type::time();
      break;
    case TypeKind::datetime:
      expr = "datetime()", made = Type::datetime();
      break;
    case TypeKind::timestamp_tz:
      expr = "timestamp_tz()", made = Type::timestamp_tz();
      break;
    case TypeKind::uuid:
      expr = "uuid()", made = Type::uuid();
      break;
    case TypeKind::json:
      expr = "json()", made = Type::json();
      break;
    case TypeKind::custom:
      return {};
  }
  return made == bare ? "migcmd::Type::" + expr : std::string();
}

}  // namespace

CppExpr cpp_field(std::string_view name, std::string value) {
  return CppExpr::atom(fmt::format(".{} = {}", name, value));
}

CppExpr cpp_field(std::string_view name, CppExpr value) {
  if (value.kind == CppExpr::Kind::atom) return cpp_field(name, value.open);
  value.open = fmt::format(".{} = {}", name, value.open);
  return value;
}

std::string cpp_string(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    // A literal would end at the NUL: say how long the string is.
    return fmt::format("std::string({}, {})", quoted(text), text.size());
  }
  if (raw_literal_fits(text)) return fmt::format("R\"sql({})sql\"", text);
  return quoted(text);
}

std::string cpp_value(const Value& value) {
  const auto& v = value.storage();
  if (std::holds_alternative<std::monostate>(v)) return "nullptr";
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    // The most negative number has no literal: its negation does not fit.
    if (*i == std::numeric_limits<std::int64_t>::min()) return "-9223372036854775807 - 1";
    return fmt::format("{}", *i);
  }
  if (const auto* d = std::get_if<double>(&v)) return cpp_double(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return cpp_string(*s);
  const auto& bytes = std::get<Bytes>(v);
  std::string out = "migcmd::Bytes{";
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out += fmt::format("{}0x{:02x}", i == 0 ? "" : ", ", bytes[i]);
  }
  return out + "}";
}

std::string cpp_name(const QualifiedName& name) {
  if (name.schema.empty()) return cpp_string(name.name);
  return fmt::format("{{{}, {}}}", cpp_string(name.schema), cpp_string(name.name));
}

CppExpr cpp_strings(const std::vector<std::string>& items) {
  std::vector<CppExpr> elements;
  for (const auto& item : items) elements.push_back(CppExpr::atom(cpp_string(item)));
  return CppExpr::list(std::move(elements));
}

std::string cpp_type(const Type& type) {
  if (type.kind == TypeKind::custom && !type.length && !type.precision && !type.scale) {
    return fmt::format("migcmd::Type::raw({})", cpp_string(type.store_type));
  }
  std::string made = factory(type);
  if (!made.empty()) return with_store_type(std::move(made), type);
  std::string out = fmt::format("migcmd::Type{{.kind = migcmd::TypeKind::{}", to_string(type.kind));
  if (type.length) out += fmt::format(", .length = {}", *type.length);
  if (type.precision) out += fmt::format(", .precision = {}", *type.precision);
  if (type.scale) out += fmt::format(", .scale = {}", *type.scale);
  if (!type.store_type.empty())
    out += fmt::format(", .store_type = {}", cpp_string(type.store_type));
  return out + "}";
}

std::string cpp_action(ReferentialAction action) {
  switch (action) {
    case ReferentialAction::no_action:
      return "migcmd::ReferentialAction::no_action";
    case ReferentialAction::restrict:
      return "migcmd::ReferentialAction::restrict";
    case ReferentialAction::cascade:
      return "migcmd::ReferentialAction::cascade";
    case ReferentialAction::set_null:
      return "migcmd::ReferentialAction::set_null";
    case ReferentialAction::set_default:
      return "migcmd::ReferentialAction::set_default";
  }
  return "migcmd::ReferentialAction::no_action";
}

CppExpr cpp_column(const Column& column) {
  std::vector<CppExpr> fields;
  fields.push_back(cpp_field("name", cpp_string(column.name)));
  fields.push_back(cpp_field("type", cpp_type(column.type)));
  if (!column.nullable) fields.push_back(cpp_field("nullable", "false"));
  if (column.default_value) {
    if (const auto* sql = std::get_if<SqlExpression>(&*column.default_value)) {
      fields.push_back(cpp_field("default_value",
                                 fmt::format("migcmd::SqlExpression{{{}}}", cpp_string(sql->sql))));
    } else {
      const Value& v = std::get<Value>(*column.default_value);
      fields.push_back(cpp_field("default_value",
                                 v.is_null() ? std::string("migcmd::Value{}")
                                             : fmt::format("migcmd::Value{{{}}}", cpp_value(v))));
    }
  }
  if (column.identity) fields.push_back(cpp_field("identity", "true"));
  if (!column.collation.empty())
    fields.push_back(cpp_field("collation", cpp_string(column.collation)));
  if (!column.comment.empty()) fields.push_back(cpp_field("comment", cpp_string(column.comment)));
  return CppExpr::block(std::move(fields), "migcmd::Column");
}

CppExpr cpp_index(const Index& index) {
  std::vector<CppExpr> fields;
  if (!index.name.empty()) fields.push_back(cpp_field("name", cpp_string(index.name)));
  std::vector<CppExpr> parts;
  for (const auto& part : index.parts) {
    std::vector<CppExpr> members;
    if (!part.column.empty()) members.push_back(cpp_field("column", cpp_string(part.column)));
    if (!part.expression.empty()) {
      members.push_back(cpp_field("expression", cpp_string(part.expression)));
    }
    if (part.descending) members.push_back(cpp_field("descending", "true"));
    parts.push_back(CppExpr::list(std::move(members)));
  }
  if (!parts.empty()) fields.push_back(cpp_field("parts", CppExpr::list(std::move(parts))));
  if (index.unique) fields.push_back(cpp_field("unique", "true"));
  if (!index.where.empty()) fields.push_back(cpp_field("where", cpp_string(index.where)));
  return CppExpr::block(std::move(fields), "migcmd::Index");
}

CppExpr cpp_foreign_key(const ForeignKey& key) {
  std::vector<CppExpr> fields;
  if (!key.name.empty()) fields.push_back(cpp_field("name", cpp_string(key.name)));
  if (!key.columns.empty()) fields.push_back(cpp_field("columns", cpp_strings(key.columns)));
  fields.push_back(cpp_field("referenced_table", cpp_name(key.referenced_table)));
  if (!key.referenced_columns.empty()) {
    fields.push_back(cpp_field("referenced_columns", cpp_strings(key.referenced_columns)));
  }
  if (key.on_delete != ReferentialAction::no_action) {
    fields.push_back(cpp_field("on_delete", cpp_action(key.on_delete)));
  }
  if (key.on_update != ReferentialAction::no_action) {
    fields.push_back(cpp_field("on_update", cpp_action(key.on_update)));
  }
  return CppExpr::block(std::move(fields), "migcmd::ForeignKey");
}

CppExpr cpp_primary_key(const PrimaryKey& key) {
  std::vector<CppExpr> fields;
  if (!key.name.empty()) fields.push_back(cpp_field("name", cpp_string(key.name)));
  if (!key.columns.empty()) fields.push_back(cpp_field("columns", cpp_strings(key.columns)));
  return CppExpr::block(std::move(fields), "migcmd::PrimaryKey");
}

CppExpr cpp_unique(const UniqueConstraint& unique) {
  std::vector<CppExpr> fields;
  if (!unique.name.empty()) fields.push_back(cpp_field("name", cpp_string(unique.name)));
  if (!unique.columns.empty()) fields.push_back(cpp_field("columns", cpp_strings(unique.columns)));
  return CppExpr::block(std::move(fields), "migcmd::UniqueConstraint");
}

CppExpr cpp_check(const CheckConstraint& check) {
  std::vector<CppExpr> fields;
  if (!check.name.empty()) fields.push_back(cpp_field("name", cpp_string(check.name)));
  if (!check.expression.empty()) {
    fields.push_back(cpp_field("expression", cpp_string(check.expression)));
  }
  return CppExpr::block(std::move(fields), "migcmd::CheckConstraint");
}

}  // namespace migcmd::detail
