// read_schema field by field on hand-written tables, migcmd's own tables and exclusions left
// out, schemas other than "main" refused, and a constant number of queries.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "migcmd/apply_operation.hpp"
#include "migcmd/error.hpp"
#include "sqlite_reader/reader_fixture.hpp"

namespace migcmd::test::sqlite_reader {
namespace {

void create_shop(FreshDatabase& db) {
  db.exec(
      "CREATE TABLE \"parents\" (\"a\" INT NOT NULL, \"b\" VARCHAR(10) NOT NULL, "
      "CONSTRAINT \"pk_parents\" PRIMARY KEY (\"a\", \"b\"))");
  db.exec(
      "CREATE TABLE \"items\" (\n"
      "  \"id\" INTEGER NOT NULL CONSTRAINT \"pk_items\" PRIMARY KEY AUTOINCREMENT,\n"
      "  \"pa\" INT, \"pb\" VARCHAR(10),\n"
      "  \"flag\" BOOLEAN DEFAULT 1 NOT NULL,\n"
      "  \"off\" BOOLEAN DEFAULT 0,\n"
      "  \"qty\" INT DEFAULT -3,\n"
      "  \"ratio\" DOUBLE DEFAULT 0.25,\n"
      "  \"label\" VARCHAR(40) COLLATE \"NOCASE\" DEFAULT 'it''s',\n"
      "  \"raw\" BLOB DEFAULT X'CAFE',\n"
      "  \"gone\" TEXT DEFAULT NULL,\n"
      "  \"created\" DATETIME DEFAULT CURRENT_TIMESTAMP,\n"
      "  \"day\" DATE DEFAULT (date('now')),\n"
      "  \"price\" NUMERIC(8,2) NOT NULL,\n"
      "  \"odd\" geometry,\n"
      "  CONSTRAINT \"uq_items_label\" UNIQUE (\"label\", \"pa\"),\n"
      "  CONSTRAINT \"ck_items_price\" CHECK (price >= 0 AND label <> 'x'),\n"
      "  CONSTRAINT \"fk_items_parent\" FOREIGN KEY (\"pa\", \"pb\") REFERENCES \"parents\" "
      "(\"a\", \"b\") ON DELETE CASCADE ON UPDATE SET NULL\n"
      ")");
  db.exec("CREATE INDEX \"ix_items_desc\" ON \"items\" (\"qty\" DESC, \"price\")");
  db.exec("CREATE UNIQUE INDEX \"ix_items_lower\" ON \"items\" ((lower(label)))");
  db.exec("CREATE INDEX \"ix_items_partial\" ON \"items\" (\"pa\") WHERE flag = 1 AND pb <> ''");
  db.exec(
      "CREATE TRIGGER \"tr_items\" AFTER INSERT ON \"items\" BEGIN UPDATE \"items\" SET qty = 0 "
      "WHERE id = NEW.id AND qty < 0; END");
}

}  // namespace

TEST_CASE("read_schema reads every kind of object field by field") {
  FreshDatabase db;
  create_shop(db);
  const Schema s = db.read();
  REQUIRE(s.tables.size() == 2);
  const Table& parents = s.tables[0];
  CHECK(parents.name == QualifiedName("parents"));
  REQUIRE(parents.primary_key);
  CHECK(*parents.primary_key == PrimaryKey{"pk_parents", {"a", "b"}});

  const Table& t = s.tables[1];
  CHECK(t.name == QualifiedName("items"));
  REQUIRE(t.columns.size() == 14);
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"id", "pa", "pb", "flag", "off", "qty", "ratio", "label",
                                          "raw", "gone", "created", "day", "price", "odd"});
  const Column& id = t.columns[0];
  CHECK(id.type == Type::int64());
  CHECK(id.identity);
  CHECK_FALSE(id.nullable);
  CHECK_FALSE(id.default_value);
  CHECK(t.columns[1] == Column{"pa", Type::int32(), true, {}, false, {}, {}});
  CHECK(t.columns[2].type == Type::string(10));
  CHECK(t.columns[3] == Column{"flag", Type::boolean(), false, Value{true}, false, {}, {}});
  CHECK(t.columns[4].default_value == ColumnDefault{Value{false}});
  CHECK(t.columns[5].default_value == ColumnDefault{Value{-3}});
  CHECK(t.columns[6].type == Type::float64());
  CHECK(t.columns[6].default_value == ColumnDefault{Value{0.25}});
  CHECK(t.columns[7] ==
        Column{"label", Type::string(40), true, Value{"it's"}, false, "NOCASE", {}});
  CHECK(t.columns[8].type == Type::binary());
  CHECK(t.columns[8].default_value == ColumnDefault{Value{Bytes{0xca, 0xfe}}});
  CHECK(t.columns[9].default_value == ColumnDefault{Value{}});
  CHECK(t.columns[10].type == Type::datetime());
  CHECK(t.columns[10].default_value == ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}});
  // SQLite keeps a parenthesised default without its parentheses; the dialect adds them back.
  CHECK(t.columns[11].default_value == ColumnDefault{SqlExpression{"date('now')"}});
  CHECK(t.columns[12] == Column{"price", Type::decimal(8, 2), false, {}, false, {}, {}});
  CHECK(t.columns[13].type == Type::raw("geometry"));

  REQUIRE(t.primary_key);
  CHECK(*t.primary_key == PrimaryKey{"pk_items", {"id"}});
  CHECK(t.uniques == std::vector<UniqueConstraint>{{"uq_items_label", {"label", "pa"}}});
  CHECK(t.checks ==
        std::vector<CheckConstraint>{{"ck_items_price", "price >= 0 AND label <> 'x'"}});
  REQUIRE(t.foreign_keys.size() == 1);
  const ForeignKey& fk = t.foreign_keys[0];
  CHECK(fk.name == "fk_items_parent");
  CHECK(fk.columns == std::vector<std::string>{"pa", "pb"});
  CHECK(fk.referenced_table == QualifiedName("parents"));
  CHECK(fk.referenced_columns == std::vector<std::string>{"a", "b"});
  CHECK(fk.on_delete == ReferentialAction::cascade);
  CHECK(fk.on_update == ReferentialAction::set_null);

  // The unique constraint's own index is not an index of the model.
  REQUIRE(t.indexes.size() == 3);
  CHECK(t.indexes[0] ==
        Index{"ix_items_desc", {{"qty", "", true}, {"price", "", false}}, false, ""});
  CHECK(t.indexes[1] == Index{"ix_items_lower", {{"", "lower(label)", false}}, true, ""});
  CHECK(t.indexes[2] ==
        Index{"ix_items_partial", {{"pa", "", false}}, false, "flag = 1 AND pb <> ''"});

  REQUIRE(t.triggers.size() == 1);
  CHECK(t.triggers[0].name == "tr_items");
  CHECK(t.triggers[0].sql.rfind("CREATE TRIGGER \"tr_items\" AFTER INSERT", 0) == 0);
}

TEST_CASE("hand-written column constraints and a foreign key to the parent's primary key") {
  FreshDatabase db;
  db.exec(
      "CREATE TABLE child (id INT CONSTRAINT pk_child PRIMARY KEY, "
      "parent_a INT CONSTRAINT fk_parent REFERENCES parent ON DELETE RESTRICT, "
      "code TEXT COLLATE BINARY CONSTRAINT uq_code UNIQUE CONSTRAINT ck_code CHECK (code <> ''))");
  db.exec("CREATE TABLE parent (a INT PRIMARY KEY)");
  const Schema s = db.read();
  REQUIRE(s.tables.size() == 2);
  const Table& child = s.tables[0];
  CHECK(child.primary_key == PrimaryKey{"pk_child", {"id"}});
  CHECK(child.uniques == std::vector<UniqueConstraint>{{"uq_code", {"code"}}});
  CHECK(child.checks == std::vector<CheckConstraint>{{"ck_code", "code <> ''"}});
  CHECK(child.columns[2].collation.empty());  // BINARY is the default
  REQUIRE(child.foreign_keys.size() == 1);
  CHECK(child.foreign_keys[0] == ForeignKey{"fk_parent",
                                            {"parent_a"},
                                            QualifiedName("parent"),
                                            {"a"},
                                            ReferentialAction::restrict,
                                            ReferentialAction::no_action});
  CHECK(s.tables[1].primary_key == PrimaryKey{"", {"a"}});
}

TEST_CASE("a read schema recreates the same database, triggers included") {
  FreshDatabase db;
  create_shop(db);
  const Schema read = db.read();
  FreshDatabase copy;
  copy.create(read);
  CHECK(copy.read() == read);
  // The recreated foreign key is enforced and the trigger fires.
  CHECK_THROWS_AS(copy.exec("INSERT INTO items (pa, pb, price) VALUES (9, 'z', 1)"), DatabaseError);
  copy.exec("INSERT INTO parents (a, b) VALUES (1, 'p')");
  copy.exec("INSERT INTO items (pa, pb, qty, price) VALUES (1, 'p', -5, 1)");
  CHECK(copy.db().query("SELECT qty FROM items").rows.at(0).at(0) == "0");
}

TEST_CASE("tables changed by rebuilds and ALTER TABLE read back as the model says") {
  FreshDatabase db;
  create_shop(db);
  Schema expected = db.read();
  const OperationList ops = {
      AddCheck{"items", {"ck_items_qty", "qty < 1000"}},
      AddUnique{"items", {"uq_items_raw", {"raw"}}},
      AddColumn{"items", Column{"note", Type::string(20), true, Value{"none"}, false, {}, {}}},
      RenameColumn{"items", "odd", "shape"},
  };
  run_commands(db.db(), db.dialect().generate(ops, expected));
  for (const auto& op : ops) apply_operation(expected, op);
  Schema read = db.read();
  // A rebuilt table is created anew: it moves to the end of sqlite_schema.
  std::sort(read.tables.begin(), read.tables.end(),
            [](const Table& a, const Table& b) { return a.name < b.name; });
  std::sort(expected.tables.begin(), expected.tables.end(),
            [](const Table& a, const Table& b) { return a.name < b.name; });
  CHECK(read == expected);
  const Table* items = read.find_table("items");
  REQUIRE(items);
  CHECK(items->checks.size() == 2);
  CHECK(items->triggers.size() == 1);
  CHECK(items->find_column("shape"));
}

TEST_CASE("migcmd's tables, SQLite's own and excluded tables are left out") {
  FreshDatabase db;
  db.exec("CREATE TABLE migcmd_history (version TEXT)");
  db.exec("CREATE TABLE migcmd_history_lock (id INT)");
  db.exec("CREATE TABLE other_history (version TEXT)");
  db.exec("CREATE TABLE kept (id INTEGER PRIMARY KEY AUTOINCREMENT)");  // makes sqlite_sequence
  db.exec("CREATE TABLE \"Mixed\" (id INT)");
  auto names = [](const Schema& s) {
    std::vector<std::string> out;
    for (const auto& t : s.tables) out.push_back(to_string(t.name));
    return out;
  };
  CHECK(names(db.read()) == std::vector<std::string>{"other_history", "kept", "Mixed"});
  ReadOptions options;
  options.exclude = {QualifiedName("other_history"), QualifiedName("main", "mixed")};
  CHECK(names(db.read(options)) == std::vector<std::string>{"kept"});
  options = {};
  options.history_table = QualifiedName("other_history");
  CHECK(names(db.read(options)) ==
        std::vector<std::string>{"migcmd_history", "migcmd_history_lock", "kept", "Mixed"});
}

TEST_CASE("schemas other than main cannot be read") {
  FreshDatabase db;
  db.exec("CREATE TABLE t (id INT)");
  ReadOptions options;
  options.schemas = {"main"};
  CHECK(db.read(options).tables.size() == 1);
  options.schemas = {"main", "audit"};
  try {
    (void)db.read(options);
    FAIL("reading schema audit did not fail");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::unsupported_operation);
    CHECK(std::string(e.what()).find("audit") != std::string::npos);
  }
}

TEST_CASE("the number of queries does not grow with the number of tables") {
  auto count_for = [](int tables) {
    FreshDatabase db;
    for (int i = 0; i < tables; ++i) {
      db.exec(fmt::format(
          "CREATE TABLE t{0} (id INTEGER PRIMARY KEY AUTOINCREMENT, parent INT REFERENCES t0 "
          "(id), code TEXT CONSTRAINT uq_t{0} UNIQUE, CHECK (id > 0))",
          i));
      db.exec(fmt::format("CREATE INDEX ix_t{0} ON t{0} (parent) WHERE parent > 1", i));
    }
    CountingConnection counting(db.db());
    const Schema s = db.provider().read_schema(counting, {});
    CHECK(s.tables.size() == static_cast<std::size_t>(tables));
    CHECK(s.tables.back().indexes.size() == 1);
    CHECK(s.tables.back().foreign_keys.size() == 1);
    return counting.statements;
  };
  const int small = count_for(2);
  const int large = count_for(60);
  CHECK(small == 4);  // objects, columns, indexes, foreign keys
  CHECK(small == large);
}

}  // namespace migcmd::test::sqlite_reader
