#include "sqlite_fixture.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <map>

#include "migcmd/providers/sqlite.hpp"
#include "support/sample_operations.hpp"

namespace migcmd::test::sqlite {
namespace {

std::string cell(const Row& row, std::size_t i) {
  return row.at(i).value_or("NULL");
}

std::string strip_parentheses(std::string s) {
  while (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
  return s;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TestDatabase::TestDatabase() {
  static int counter = 0;
  dir_ = std::filesystem::temp_directory_path() /
         ("migcmd-sqlite-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  file_ = dir_ / "test.db";
  dialect_ = migcmd::sqlite::make_dialect();
  connection_ = migcmd::sqlite::connect("sqlite:" + file_.string());
}

TestDatabase::~TestDatabase() {
  connection_.reset();  // closes the file before it is removed
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void TestDatabase::apply(const OperationList& ops, const RenderOptions& options) {
  const SqlCommands commands = dialect_->generate(ops, schema_, options);
  run_commands(*connection_, commands);
  for (const auto& op : ops) apply_operation(schema_, op);
}

void TestDatabase::create_sample_schema() {
  OperationList ops;
  for (const auto& table : sample_schema().tables) ops.push_back(CreateTable{table});
  apply(ops);
}

void TestDatabase::exec(const std::string& sql, const std::vector<Value>& parameters) {
  connection_->execute(sql, parameters);
}

std::vector<Row> TestDatabase::rows(const std::string& sql, const std::vector<Value>& parameters) {
  return connection_->query(sql, parameters).rows;
}

std::string TestDatabase::scalar(const std::string& sql, const std::vector<Value>& parameters) {
  auto result = rows(sql, parameters);
  REQUIRE_MESSAGE(result.size() == 1, sql);
  return cell(result[0], 0);
}

std::vector<CatalogColumn> catalog_columns(TestDatabase& t, const std::string& table) {
  std::vector<CatalogColumn> out;
  // cid, name, type, notnull, dflt_value, pk, hidden
  for (const auto& r : t.rows("PRAGMA table_xinfo(" + t.q(table) + ")")) {
    out.push_back({cell(r, 1), cell(r, 2), cell(r, 3) == "1", r.at(4), std::stoi(cell(r, 5))});
  }
  return out;
}

std::vector<CatalogIndex> catalog_indexes(TestDatabase& t, const std::string& table) {
  std::vector<CatalogIndex> out;
  // seq, name, unique, origin, partial
  for (const auto& r : t.rows("PRAGMA index_list(" + t.q(table) + ")")) {
    CatalogIndex ix{cell(r, 1), cell(r, 2) == "1", cell(r, 3), cell(r, 4) == "1", {}};
    // seqno, cid, name, desc, coll, key
    for (const auto& p : t.rows("PRAGMA index_xinfo(" + t.q(ix.name) + ")")) {
      if (cell(p, 5) != "1") continue;  // the rowid appended to every index entry
      std::string part = cell(p, 1) == "-2" ? "<expr>" : cell(p, 2);
      if (cell(p, 3) == "1") part += " DESC";
      ix.parts.push_back(part);
    }
    out.push_back(ix);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::vector<CatalogForeignKey> catalog_foreign_keys(TestDatabase& t, const std::string& table) {
  std::map<std::string, CatalogForeignKey> by_id;
  // id, seq, table, from, to, on_update, on_delete, match
  for (const auto& r : t.rows("PRAGMA foreign_key_list(" + t.q(table) + ")")) {
    auto& fk = by_id[cell(r, 0)];
    fk.table = cell(r, 2);
    fk.from.push_back(cell(r, 3));
    fk.to.push_back(cell(r, 4));
    fk.on_update = cell(r, 5);
    fk.on_delete = cell(r, 6);
  }
  std::vector<CatalogForeignKey> out;
  for (auto& [id, fk] : by_id) out.push_back(fk);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  return out;
}

std::string stored_sql(TestDatabase& t, const std::string& name) {
  auto r = t.rows("SELECT sql FROM sqlite_schema WHERE name = :p0", {Value{name}});
  return r.empty() ? "" : cell(r[0], 0);
}

std::vector<Row> whole_state(TestDatabase& t) {
  std::vector<Row> out =
      t.rows("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
  for (const auto& r :
       t.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
    out.push_back({"rows of", r.at(0)});
    for (auto& row : t.rows("SELECT * FROM " + t.q(cell(r, 0)) + " ORDER BY rowid")) {
      out.push_back(std::move(row));
    }
  }
  out.push_back({"foreign_keys", t.scalar("PRAGMA foreign_keys")});
  out.push_back({"legacy_alter_table", t.scalar("PRAGMA legacy_alter_table")});
  return out;
}

void check_catalog_matches_model(TestDatabase& t) {
  const Schema& schema = t.schema();
  std::vector<std::string> model_tables;
  for (const auto& table : schema.tables) model_tables.push_back(table.name.name);
  std::vector<std::string> db_tables;
  for (const auto& r : t.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                              "LIKE 'sqlite\\_%' ESCAPE '\\'")) {
    db_tables.push_back(cell(r, 0));
  }
  std::sort(model_tables.begin(), model_tables.end());
  std::sort(db_tables.begin(), db_tables.end());
  CHECK(db_tables == model_tables);

  for (const auto& table : schema.tables) {
    const std::string& name = table.name.name;
    INFO("table ", name);
    const std::string sql = stored_sql(t, name);
    const auto& pk = table.primary_key;

    const auto columns = catalog_columns(t, name);
    REQUIRE(columns.size() == table.columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const Column& c = table.columns[i];
      INFO("column ", c.name);
      CHECK(columns[i].name == c.name);
      const bool rowid = c.identity && pk && pk->columns == std::vector<std::string>{c.name};
      CHECK(columns[i].type == (rowid ? "INTEGER" : t.dialect().type_sql(c.type)));
      CHECK(columns[i].not_null == !c.nullable);
      std::optional<std::string> expected_default;
      if (c.default_value) {
        if (const auto* e = std::get_if<SqlExpression>(&*c.default_value)) {
          expected_default = strip_parentheses(e->sql);
        } else {
          expected_default = t.dialect().literal(std::get<Value>(*c.default_value));
        }
      }
      CHECK(columns[i].default_sql == expected_default);
      int position = 0;
      if (pk) {
        auto it = std::find(pk->columns.begin(), pk->columns.end(), c.name);
        if (it != pk->columns.end()) position = static_cast<int>(it - pk->columns.begin()) + 1;
      }
      CHECK(columns[i].pk == position);
    }
    if (pk && !pk->name.empty()) {
      CHECK(contains(sql, "CONSTRAINT " + t.q(pk->name) + " PRIMARY KEY"));
    }

    const auto indexes = catalog_indexes(t, name);
    std::vector<std::vector<std::string>> db_uniques;
    std::vector<CatalogIndex> db_indexes;
    for (const auto& ix : indexes) {
      if (ix.origin == "u") db_uniques.push_back(ix.parts);
      if (ix.origin == "c") db_indexes.push_back(ix);
    }
    std::vector<std::vector<std::string>> model_uniques;
    for (const auto& u : table.uniques) {
      model_uniques.push_back(u.columns);
      if (!u.name.empty()) CHECK(contains(sql, "CONSTRAINT " + t.q(u.name) + " UNIQUE"));
    }
    std::sort(db_uniques.begin(), db_uniques.end());
    std::sort(model_uniques.begin(), model_uniques.end());
    CHECK(db_uniques == model_uniques);

    std::vector<Index> model_indexes = table.indexes;
    std::sort(model_indexes.begin(), model_indexes.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    REQUIRE(db_indexes.size() == model_indexes.size());
    for (std::size_t i = 0; i < db_indexes.size(); ++i) {
      const Index& ix = model_indexes[i];
      INFO("index ", ix.name);
      CHECK(db_indexes[i].name == ix.name);
      CHECK(db_indexes[i].unique == ix.unique);
      CHECK(db_indexes[i].partial == !ix.where.empty());
      std::vector<std::string> parts;
      for (const auto& p : ix.parts) {
        parts.push_back((p.is_expression() ? "<expr>" : p.column) + (p.descending ? " DESC" : ""));
      }
      CHECK(db_indexes[i].parts == parts);
    }

    std::vector<CatalogForeignKey> model_fks;
    for (const auto& fk : table.foreign_keys) {
      model_fks.push_back({fk.referenced_table.name, fk.columns, fk.referenced_columns,
                           std::string(to_string(fk.on_update)),
                           std::string(to_string(fk.on_delete))});
      if (!fk.name.empty()) CHECK(contains(sql, "CONSTRAINT " + t.q(fk.name) + " FOREIGN KEY"));
    }
    std::sort(model_fks.begin(), model_fks.end(),
              [](const auto& a, const auto& b) { return a.from < b.from; });
    CHECK(catalog_foreign_keys(t, name) == model_fks);

    std::size_t check_count = 0;
    for (std::size_t at = sql.find("CHECK ("); at != std::string::npos;
         at = sql.find("CHECK (", at + 1)) {
      ++check_count;
    }
    CHECK(check_count == table.checks.size());
    for (const auto& c : table.checks) {
      if (!c.name.empty()) CHECK(contains(sql, "CONSTRAINT " + t.q(c.name) + " CHECK"));
    }

    std::vector<std::string> db_triggers;
    for (const auto& r : t.rows("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND "
                                "tbl_name = :p0 ORDER BY name",
                                {Value{name}})) {
      db_triggers.push_back(cell(r, 0));
    }
    std::vector<std::string> model_triggers;
    for (const auto& tr : table.triggers) model_triggers.push_back(tr.name);
    std::sort(model_triggers.begin(), model_triggers.end());
    CHECK(db_triggers == model_triggers);
  }
}

}  // namespace migcmd::test::sqlite
