// Each kind of object read field by field from a hand-written schema.

#include <doctest/doctest.h>

#include "migcmd/diff.hpp"
#include "reader_fixture.hpp"

namespace mariadb_reader_test {
namespace {

const Table& table_of(const Schema& s, const std::string& name) {
  const Table* t = s.find_table(name);
  REQUIRE_MESSAGE(t != nullptr, "no table ", name);
  return *t;
}

const Column& column_of(const Table& t, const std::string& name) {
  const Column* c = t.find_column(name);
  REQUIRE_MESSAGE(c != nullptr, "no column ", name);
  return *c;
}

ColumnDefault value(Value v) {
  return ColumnDefault{std::move(v)};
}

ColumnDefault expression(std::string sql) {
  return ColumnDefault{SqlExpression{std::move(sql)}};
}

TEST_CASE("columns: types, nullability, defaults of every kind, identity, collation, comments") {
  TestDatabase db;
  db.execute(
      "CREATE TABLE things ("
      "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'the key', "
      "flag TINYINT(1) NOT NULL DEFAULT TRUE, off_flag TINYINT(1) DEFAULT FALSE, "
      "small SMALLINT DEFAULT -3, medium INT, amount DECIMAL(12,2) NOT NULL DEFAULT 0, "
      "rate DECIMAL(5,2) DEFAULT 1.25, ratio FLOAT, precise DOUBLE DEFAULT 2.5, "
      "label VARCHAR(120) NOT NULL DEFAULT 'it''s a \\\\ \"test\"', empty_label VARCHAR(5) DEFAULT "
      "'', "
      "null_text VARCHAR(5) DEFAULT 'NULL', notes LONGTEXT, payload LONGBLOB, bytes VARBINARY(16), "
      "born_on DATE, wakes_at TIME(6), seen_at DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6), "
      "created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), "
      "plain_ts DATETIME DEFAULT CURRENT_TIMESTAMP, external_id CHAR(36) DEFAULT (uuid()), "
      "document JSON, total INT DEFAULT (1 + 2), code VARCHAR(10) COLLATE utf8mb4_bin, "
      "counter INT UNSIGNED, tiny TINYINT, explicit_null INT DEFAULT NULL, "
      "greeting LONGTEXT DEFAULT ('hello')"
      ") COMMENT 'all the things'");
  const Schema s = read(db.connection());
  const Table& t = table_of(s, "things");
  CHECK(t.comment == "all the things");

  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"id",          "flag",     "off_flag",      "small",
                                          "medium",      "amount",   "rate",          "ratio",
                                          "precise",     "label",    "empty_label",   "null_text",
                                          "notes",       "payload",  "bytes",         "born_on",
                                          "wakes_at",    "seen_at",  "created_at",    "plain_ts",
                                          "external_id", "document", "total",         "code",
                                          "counter",     "tiny",     "explicit_null", "greeting"});

  const Column& id = column_of(t, "id");
  CHECK(id.type == Type::int64());
  CHECK_FALSE(id.nullable);
  CHECK(id.identity);
  CHECK_FALSE(id.default_value.has_value());
  CHECK(id.comment == "the key");

  CHECK(column_of(t, "flag").type == Type::boolean());
  CHECK_FALSE(column_of(t, "flag").nullable);
  CHECK(column_of(t, "flag").default_value == value(Value{true}));
  CHECK(column_of(t, "off_flag").nullable);
  CHECK(column_of(t, "off_flag").default_value == value(Value{false}));
  CHECK(column_of(t, "small").type == Type::int16());
  CHECK(column_of(t, "small").default_value == value(Value{-3}));
  CHECK(column_of(t, "medium").type == Type::int32());
  CHECK_FALSE(column_of(t, "medium").default_value.has_value());
  CHECK(column_of(t, "amount").type == Type::decimal(12, 2));
  CHECK(column_of(t, "amount").default_value == value(Value{0}));  // MariaDB shows 0.00
  CHECK(column_of(t, "rate").default_value == value(Value{1.25}));
  CHECK(column_of(t, "ratio").type == Type::float32());
  CHECK(column_of(t, "precise").type == Type::float64());
  CHECK(column_of(t, "precise").default_value == value(Value{2.5}));
  CHECK(column_of(t, "label").type == Type::string(120));
  CHECK(column_of(t, "label").default_value == value(Value{"it's a \\ \"test\""}));
  CHECK(column_of(t, "empty_label").default_value == value(Value{""}));
  CHECK(column_of(t, "null_text").default_value == value(Value{"NULL"}));
  CHECK(column_of(t, "notes").type == Type::text());
  CHECK(column_of(t, "payload").type == Type::binary());
  CHECK(column_of(t, "bytes").type == Type::binary(16));
  CHECK(column_of(t, "born_on").type == Type::date());
  CHECK(column_of(t, "wakes_at").type == Type::time());
  CHECK(column_of(t, "seen_at").type == Type::datetime());
  CHECK(column_of(t, "seen_at").default_value == expression("CURRENT_TIMESTAMP"));
  CHECK(column_of(t, "created_at").type == Type::timestamp_tz());
  CHECK(column_of(t, "created_at").default_value == expression("CURRENT_TIMESTAMP"));
  CHECK(column_of(t, "plain_ts").type == Type::raw("datetime"));
  CHECK(column_of(t, "plain_ts").default_value == expression("CURRENT_TIMESTAMP"));
  CHECK(column_of(t, "external_id").type == Type::uuid());
  CHECK(column_of(t, "external_id").default_value == expression("uuid()"));
  CHECK(column_of(t, "document").type == Type::json());
  CHECK(column_of(t, "document").collation.empty());
  CHECK(column_of(t, "total").default_value == expression("(1 + 2)"));
  CHECK(column_of(t, "code").collation == "utf8mb4_bin");
  CHECK(column_of(t, "label").collation.empty());
  CHECK(column_of(t, "counter").type == Type::raw("int(10) unsigned"));
  CHECK(column_of(t, "tiny").type == Type::raw("tinyint(4)"));
  CHECK_FALSE(column_of(t, "explicit_null").default_value.has_value());
  CHECK(column_of(t, "greeting").default_value == value(Value{"hello"}));
  CHECK(t.checks.empty());  // the JSON column's json_valid check is part of its type

  // What was read renders back to the same catalog.
  TestDatabase copy;
  copy.apply(create_operations(s));
  check_same(s, read(copy.connection()));
}

TEST_CASE("keys, checks, foreign keys with actions and indexes") {
  TestDatabase db;
  db.execute(
      "CREATE TABLE orders (tenant INT NOT NULL, number INT NOT NULL, code VARCHAR(10) NOT NULL, "
      "placed DATE, PRIMARY KEY (number, tenant), CONSTRAINT uq_orders_code UNIQUE (code, "
      "tenant))");
  db.execute(
      "CREATE TABLE order_lines (id INT NOT NULL AUTO_INCREMENT, tenant INT, number INT, qty INT "
      "NOT "
      "NULL, price DECIMAL(8,2), note VARCHAR(30), `order` INT, PRIMARY KEY (id), "
      "CONSTRAINT ck_lines_qty CHECK (qty > 0 AND qty BETWEEN 1 AND 100), "
      "CONSTRAINT ck_lines_note CHECK (note <> 'x' OR `order` IS NULL), "
      "CONSTRAINT fk_lines_order FOREIGN KEY (number, tenant) REFERENCES orders (number, tenant) "
      "ON DELETE CASCADE ON UPDATE SET NULL, "
      "INDEX ix_lines_price (price DESC, qty), UNIQUE INDEX ux_lines_note (note DESC))");
  const Schema s = read(db.connection());
  CHECK(s.tables.size() == 2);

  const Table& orders = table_of(s, "orders");
  REQUIRE(orders.primary_key.has_value());
  CHECK(orders.primary_key->name.empty());
  CHECK(orders.primary_key->columns == std::vector<std::string>{"number", "tenant"});
  REQUIRE(orders.uniques.size() == 1);
  CHECK(orders.uniques[0].name == "uq_orders_code");
  CHECK(orders.uniques[0].columns == std::vector<std::string>{"code", "tenant"});
  CHECK(orders.indexes.empty());
  CHECK(orders.foreign_keys.empty());

  const Table& lines = table_of(s, "order_lines");
  REQUIRE(lines.checks.size() == 2);
  CHECK(lines.checks[0].name == "ck_lines_note");
  CHECK(lines.checks[0].expression == "note <> 'x' OR `order` IS NULL");
  CHECK(lines.checks[1].name == "ck_lines_qty");
  CHECK(lines.checks[1].expression == "qty > 0 AND qty BETWEEN 1 AND 100");

  REQUIRE(lines.foreign_keys.size() == 1);
  const ForeignKey& fk = lines.foreign_keys[0];
  CHECK(fk.name == "fk_lines_order");
  CHECK(fk.columns == std::vector<std::string>{"number", "tenant"});
  CHECK(fk.referenced_table == QualifiedName("orders"));
  CHECK(fk.referenced_columns == std::vector<std::string>{"number", "tenant"});
  CHECK(fk.on_delete == ReferentialAction::cascade);
  CHECK(fk.on_update == ReferentialAction::set_null);

  // InnoDB's own index for fk_lines_order is left out; a DESC unique index stays an index.
  REQUIRE(lines.indexes.size() == 2);
  CHECK(lines.indexes[0].name == "ix_lines_price");
  CHECK_FALSE(lines.indexes[0].unique);
  CHECK(lines.indexes[0].where.empty());
  CHECK(lines.indexes[0].parts == std::vector<IndexPart>{{"price", "", true}, {"qty", "", false}});
  CHECK(lines.indexes[1].name == "ux_lines_note");
  CHECK(lines.indexes[1].unique);
  CHECK(lines.indexes[1].parts == std::vector<IndexPart>{{"note", "", true}});
  CHECK(lines.uniques.empty());
  REQUIRE(lines.primary_key.has_value());
  CHECK(lines.primary_key->columns == std::vector<std::string>{"id"});
  CHECK(column_of(lines, "id").identity);

  // What was read renders back to the same catalog (the check with a quoted reserved word too).
  TestDatabase copy;
  copy.apply(create_operations(s));
  check_same(s, read(copy.connection()));
  // And the FK read is enforced there.
  CHECK(copy.rejects("INSERT INTO order_lines (qty, tenant, number) VALUES (1, 1, 1)"));
  copy.execute("INSERT INTO orders (tenant, number, code) VALUES (1, 1, 'a')");
  CHECK_FALSE(copy.rejects("INSERT INTO order_lines (qty, tenant, number) VALUES (1, 1, 1)"));
  CHECK(copy.rejects("INSERT INTO order_lines (qty) VALUES (0)"));  // ck_lines_qty
  copy.execute("DELETE FROM orders");                               // ON DELETE CASCADE
  CHECK(copy.count("order_lines") == 0);
}

}  // namespace
}  // namespace mariadb_reader_test

namespace mariadb_reader_test {

TEST_CASE("a date-time default written without fractional seconds reads back as written") {
  TestDatabase db;
  db.execute(
      "CREATE TABLE stamps (at DATETIME(6) DEFAULT '2000-01-01 00:00:00', "
      "tz TIMESTAMP(6) NULL DEFAULT '2000-01-01 00:00:00', wake TIME(6) DEFAULT '07:30:00', "
      "precise DATETIME(6) DEFAULT '2000-01-01 00:00:00.250000', day DATE DEFAULT '2000-01-01')");
  const Schema s = read(db.connection());
  const Table& t = table_of(s, "stamps");
  CHECK(column_of(t, "at").default_value == value(Value{"2000-01-01 00:00:00"}));
  CHECK(column_of(t, "tz").default_value == value(Value{"2000-01-01 00:00:00"}));
  CHECK(column_of(t, "wake").default_value == value(Value{"07:30:00"}));
  CHECK(column_of(t, "precise").default_value == value(Value{"2000-01-01 00:00:00.250000"}));
  CHECK(column_of(t, "day").default_value == value(Value{"2000-01-01"}));
}

}  // namespace mariadb_reader_test
