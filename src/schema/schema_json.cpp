// JSON form of the schema model. Reading walks the document with the JSON path of each value,
// so a mistake in a hand-edited snapshot is reported as "/tables/3/columns/1/type: ...".

#include "migcmd/schema_json.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "migcmd/error.hpp"
#include "schema/schema_json_detail.hpp"
#include "schema/value_json.hpp"

namespace migcmd {
namespace detail {

using nlohmann::ordered_json;

ordered_json type_json(const Type& t) {
  ordered_json j;
  j["kind"] = to_string(t.kind);
  if (t.length) j["length"] = *t.length;
  if (t.precision) j["precision"] = *t.precision;
  if (t.scale) j["scale"] = *t.scale;
  if (!t.store_type.empty()) j["store_type"] = t.store_type;
  return j;
}

ordered_json name_json(const QualifiedName& n) {
  ordered_json j;
  if (!n.schema.empty()) j["schema"] = n.schema;
  j["name"] = n.name;
  return j;
}

ordered_json column_json(const Column& c) {
  ordered_json j;
  j["name"] = c.name;
  j["type"] = type_json(c.type);
  j["nullable"] = c.nullable;
  if (c.default_value) {
    if (const auto* sql = std::get_if<SqlExpression>(&*c.default_value)) {
      j["default"] = {{"sql", sql->sql}};
    } else {
      j["default"] = {{"value", value_to_json(std::get<Value>(*c.default_value))}};
    }
  }
  if (c.identity) j["identity"] = true;
  if (!c.collation.empty()) j["collation"] = c.collation;
  if (!c.comment.empty()) j["comment"] = c.comment;
  return j;
}

ordered_json foreign_key_json(const ForeignKey& fk) {
  return {{"name", fk.name},
          {"columns", fk.columns},
          {"references", name_json(fk.referenced_table)},
          {"referenced_columns", fk.referenced_columns},
          {"on_delete", to_string(fk.on_delete)},
          {"on_update", to_string(fk.on_update)}};
}

ordered_json index_json(const Index& ix) {
  ordered_json ij;
  ij["name"] = ix.name;
  ij["unique"] = ix.unique;
  for (const auto& p : ix.parts) {
    ordered_json pj;
    if (p.is_expression())
      pj["expression"] = p.expression;
    else
      pj["column"] = p.column;
    if (p.descending) pj["descending"] = true;
    ij["parts"].push_back(pj);
  }
  if (!ix.where.empty()) ij["where"] = ix.where;
  return ij;
}

ordered_json table_json(const Table& t) {
  ordered_json j = name_json(t.name);
  j["columns"] = ordered_json::array();
  for (const auto& c : t.columns) j["columns"].push_back(column_json(c));
  if (t.primary_key) {
    j["primary_key"] = {{"name", t.primary_key->name}, {"columns", t.primary_key->columns}};
  }
  for (const auto& u : t.uniques)
    j["uniques"].push_back({{"name", u.name}, {"columns", u.columns}});
  for (const auto& c : t.checks) {
    j["checks"].push_back({{"name", c.name}, {"expression", c.expression}});
  }
  for (const auto& fk : t.foreign_keys) j["foreign_keys"].push_back(foreign_key_json(fk));
  for (const auto& ix : t.indexes) j["indexes"].push_back(index_json(ix));
  for (const auto& tr : t.triggers) j["triggers"].push_back({{"name", tr.name}, {"sql", tr.sql}});
  if (!t.comment.empty()) j["comment"] = t.comment;
  return j;
}

}  // namespace detail

namespace {

using detail::table_json;
using nlohmann::ordered_json;

// Reading, with the JSON path of every value for error messages.
class Reader {
 public:
  Reader(const ordered_json& j, std::string path) : j_(j), path_(std::move(path)) {}

  [[noreturn]] void fail(std::string_view what) const {
    throw Error(ErrorCode::invalid_schema,
                fmt::format("schema JSON {}: {}", path_.empty() ? "/" : path_, what));
  }
  [[nodiscard]] bool has(const char* key) const { return j_.is_object() && j_.contains(key); }
  [[nodiscard]] Reader at(const char* key) const {
    if (!j_.is_object()) fail("expected an object");
    if (!j_.contains(key)) fail(fmt::format("missing \"{}\"", key));
    return Reader(j_.at(key), path_ + "/" + key);
  }
  [[nodiscard]] Reader at(std::size_t i) const {
    return Reader(j_.at(i), fmt::format("{}/{}", path_, i));
  }
  [[nodiscard]] std::size_t size() const {
    if (!j_.is_array()) fail("expected an array");
    return j_.size();
  }
  [[nodiscard]] std::string str() const {
    if (!j_.is_string()) fail("expected a string");
    return j_.get<std::string>();
  }
  [[nodiscard]] int integer() const {
    if (!j_.is_number_integer()) fail("expected an integer");
    return j_.get<int>();
  }
  [[nodiscard]] bool boolean() const {
    if (!j_.is_boolean()) fail("expected true or false");
    return j_.get<bool>();
  }
  [[nodiscard]] std::string str_or(const char* key, std::string fallback = {}) const {
    return has(key) ? at(key).str() : fallback;
  }
  [[nodiscard]] bool bool_or(const char* key, bool fallback) const {
    return has(key) ? at(key).boolean() : fallback;
  }
  [[nodiscard]] std::vector<std::string> strings() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < size(); ++i) out.push_back(at(i).str());
    return out;
  }
  template <typename F>
  void each(const char* key, F&& f) const {
    if (!has(key)) return;
    Reader list = at(key);
    for (std::size_t i = 0; i < list.size(); ++i) f(list.at(i));
  }
  [[nodiscard]] const ordered_json& raw() const { return j_; }

 private:
  const ordered_json& j_;
  std::string path_;
};

Type read_type(const Reader& r) {
  Type t;
  std::string kind = r.at("kind").str();
  auto k = type_kind_from_string(kind);
  if (!k) r.at("kind").fail(fmt::format("unknown type kind \"{}\"", kind));
  t.kind = *k;
  if (r.has("length")) t.length = r.at("length").integer();
  if (r.has("precision")) t.precision = r.at("precision").integer();
  if (r.has("scale")) t.scale = r.at("scale").integer();
  t.store_type = r.str_or("store_type");
  return t;
}

QualifiedName read_name(const Reader& r) {
  return {r.str_or("schema"), r.at("name").str()};
}

ReferentialAction read_action(const Reader& r) {
  auto a = referential_action_from_string(r.str());
  if (!a) r.fail(fmt::format("unknown referential action \"{}\"", r.str()));
  return *a;
}

Column read_column(const Reader& r) {
  Column c;
  c.name = r.at("name").str();
  c.type = read_type(r.at("type"));
  c.nullable = r.bool_or("nullable", true);
  if (r.has("default")) {
    Reader d = r.at("default");
    if (d.has("sql"))
      c.default_value = SqlExpression{d.at("sql").str()};
    else {
      Reader v = d.at("value");
      try {
        c.default_value = value_from_json(v.raw());
      } catch (const std::exception& e) {
        v.fail(e.what());
      }
    }
  }
  c.identity = r.bool_or("identity", false);
  c.collation = r.str_or("collation");
  c.comment = r.str_or("comment");
  return c;
}

Table read_table(const Reader& r) {
  Table t;
  t.name = read_name(r);
  r.each("columns", [&](const Reader& c) { t.columns.push_back(read_column(c)); });
  if (r.has("primary_key")) {
    Reader pk = r.at("primary_key");
    t.primary_key = PrimaryKey{pk.str_or("name"), pk.at("columns").strings()};
  }
  r.each("uniques", [&](const Reader& u) {
    t.uniques.push_back({u.str_or("name"), u.at("columns").strings()});
  });
  r.each("checks", [&](const Reader& c) {
    t.checks.push_back({c.str_or("name"), c.at("expression").str()});
  });
  r.each("foreign_keys", [&](const Reader& f) {
    ForeignKey fk;
    fk.name = f.str_or("name");
    fk.columns = f.at("columns").strings();
    fk.referenced_table = read_name(f.at("references"));
    fk.referenced_columns = f.at("referenced_columns").strings();
    if (f.has("on_delete")) fk.on_delete = read_action(f.at("on_delete"));
    if (f.has("on_update")) fk.on_update = read_action(f.at("on_update"));
    t.foreign_keys.push_back(std::move(fk));
  });
  r.each("indexes", [&](const Reader& i) {
    Index ix;
    ix.name = i.str_or("name");
    ix.unique = i.bool_or("unique", false);
    i.each("parts", [&](const Reader& p) {
      IndexPart part;
      part.column = p.str_or("column");
      part.expression = p.str_or("expression");
      if (part.column.empty() == part.expression.empty()) {
        p.fail("an index part has either \"column\" or \"expression\"");
      }
      part.descending = p.bool_or("descending", false);
      ix.parts.push_back(std::move(part));
    });
    ix.where = i.str_or("where");
    t.indexes.push_back(std::move(ix));
  });
  r.each("triggers", [&](const Reader& tr) {
    t.triggers.push_back({tr.at("name").str(), tr.at("sql").str()});
  });
  t.comment = r.str_or("comment");
  return t;
}

}  // namespace

std::string to_json(const Schema& schema) {
  ordered_json j;
  j["format_version"] = schema_json_format_version;
  if (!schema.namespaces.empty()) j["namespaces"] = schema.namespaces;
  j["tables"] = ordered_json::array();
  for (const auto& t : schema.tables) j["tables"].push_back(table_json(t));
  return j.dump(2) + "\n";
}

Schema schema_from_json(std::string_view json) {
  ordered_json doc;
  try {
    doc = ordered_json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorCode::invalid_schema,
                fmt::format("schema JSON is not valid JSON: {}", e.what()));
  }
  Reader r(doc, "");
  int version = r.at("format_version").integer();
  if (version < 1 || version > schema_json_format_version) {
    r.at("format_version")
        .fail(fmt::format("format version {} is not supported (this migcmd reads 1 to {})", version,
                          schema_json_format_version));
  }
  Schema schema;
  if (r.has("namespaces")) schema.namespaces = r.at("namespaces").strings();
  r.each("tables", [&](const Reader& t) { schema.tables.push_back(read_table(t)); });
  return schema;
}

}  // namespace migcmd
