// Every rule of the catalogue: a statement (or operation) it must flag, and a close one it must
// not. The last test enumerates risk_rules() and fails for a code no case flags.

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "migcmd/governance/risk.hpp"
#include "risk_support.hpp"

using migcmd::governance::analyze;
using migcmd::governance::find_risk_rule;
using migcmd::governance::risk_rules;
using migcmd::governance::RiskLevel;

namespace {

struct SqlCase {
  std::string code;
  std::string dialect;
  std::string sql;
  bool flags;
  bool transactional = true;
};

const std::string long_name(64, 'n');  // one byte over PostgreSQL's limit
const std::string max_name(63, 'n');

const std::vector<SqlCase>& sql_cases() {
  static const std::vector<SqlCase> cases = {
      // MG1xx
      {"MG101", "postgres", "ALTER TABLE users DROP COLUMN email;", true},
      {"MG101", "mysql", "ALTER TABLE users DROP email;", true},
      {"MG101", "sqlite", "ALTER TABLE users DROP COLUMN email;", true},
      {"MG101", "postgres", "CREATE TABLE t (id bigint, c int);\nALTER TABLE t DROP COLUMN c;",
       false},
      {"MG101", "postgres", "ALTER TABLE users DROP CONSTRAINT email_check;", false},
      {"MG102", "postgres", "DROP TABLE users;", true},
      {"MG102", "mysql", "drop table if exists `users`, orders;", true},
      {"MG102", "postgres", "DROP VIEW users_view;", false},
      {"MG102", "postgres", "CREATE TABLE tmp (id bigint);\nDROP TABLE tmp;", false},
      {"MG103", "postgres", "DROP SCHEMA archive CASCADE;", true},
      {"MG103", "postgres", "CREATE SCHEMA archive;", false},
      {"MG104", "postgres", "DROP DATABASE app;", true},
      {"MG104", "mysql", "DROP SCHEMA app;", true},
      {"MG104", "postgres", "CREATE DATABASE app;", false},
      {"MG105", "postgres", "TRUNCATE TABLE events;", true},
      {"MG105", "postgres", "TRUNCATE events CASCADE;", false},
      {"MG105", "postgres", "CREATE TABLE staging (id bigint);\nTRUNCATE staging;", false},
      {"MG106", "postgres", "TRUNCATE users RESTART IDENTITY CASCADE;", true},
      {"MG106", "postgres", "TRUNCATE users RESTART IDENTITY;", false},
      {"MG107", "postgres", "DELETE FROM sessions;", true},
      {"MG107", "mysql", "DELETE FROM sessions LIMIT 1000;", true},
      {"MG107", "postgres", "DELETE FROM sessions WHERE expires_at < now();", false},
      {"MG107", "postgres",
       "WITH old AS (SELECT id FROM sessions WHERE expires_at < now())\n"
       "DELETE FROM sessions WHERE id IN (SELECT id FROM old);",
       false},
      {"MG108", "postgres", "UPDATE users SET active = true;", true},
      {"MG108", "postgres", "UPDATE users SET score = (SELECT max(score) FROM s WHERE s.id = 1);",
       true},
      {"MG108", "postgres", "UPDATE users SET active = true WHERE last_login > now() - '1 y';",
       false},
      {"MG109", "postgres", "ALTER TABLE orders DROP CONSTRAINT orders_user_fk;", true},
      {"MG109", "mysql", "ALTER TABLE orders DROP FOREIGN KEY orders_user_fk;", true},
      {"MG109", "mysql", "ALTER TABLE orders DROP PRIMARY KEY;", true},
      {"MG109", "mysql", "ALTER TABLE orders DROP INDEX orders_user_idx;", false},
      {"MG109", "postgres", "ALTER TABLE orders RENAME CONSTRAINT a TO b;", false},
      {"MG110", "postgres", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;", true},
      {"MG110", "postgres", "ALTER TABLE users ALTER COLUMN email DROP DEFAULT;", false},
      {"MG112", "mysql", "CREATE OR REPLACE TABLE t (id bigint);", true},
      {"MG112", "mysql", "CREATE TABLE IF NOT EXISTS t (id bigint);", false},
      {"MG112", "postgres", "CREATE OR REPLACE VIEW v AS SELECT 1;", false},
      // MG2xx
      {"MG201", "postgres", "ALTER TABLE users RENAME TO accounts;", true},
      {"MG201", "mysql", "RENAME TABLE users TO accounts, orders TO purchases;", true},
      {"MG201", "sqlite", "ALTER TABLE users RENAME TO accounts;", true},
      {"MG201", "postgres", "ALTER TABLE users RENAME CONSTRAINT users_pk TO accounts_pk;", false},
      {"MG201", "postgres",
       "CREATE TABLE users_new (id bigint);\nALTER TABLE users_new RENAME TO users_v2;", false},
      {"MG202", "postgres", "ALTER TABLE users RENAME COLUMN email TO mail;", true},
      {"MG202", "postgres", "ALTER TABLE users RENAME email TO mail;", true},
      {"MG202", "mysql", "ALTER TABLE users CHANGE email mail varchar(255);", true},
      {"MG202", "mysql", "ALTER TABLE users CHANGE email email varchar(300);", false},
      {"MG202", "mysql", "ALTER TABLE users RENAME INDEX a TO b;", false},
      {"MG203", "postgres", "ALTER TABLE users ALTER COLUMN age TYPE bigint;", true},
      {"MG203", "mysql", "ALTER TABLE users MODIFY COLUMN age bigint;", true},
      {"MG203", "postgres", "ALTER TABLE users ALTER COLUMN age SET DEFAULT 0;", false},
      {"MG204", "postgres", "ALTER SCHEMA billing RENAME TO invoicing;", true},
      {"MG204", "postgres", "ALTER SCHEMA billing OWNER TO admin;", false},
      {"MG205", "postgres", "ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';", true},
      {"MG205", "postgres", "ALTER TYPE mood ADD VALUE 'meh';", false},
      // MG3xx
      {"MG301", "postgres", "CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email);", true,
       false},
      {"MG301", "mysql", "ALTER TABLE users ADD UNIQUE KEY users_email (email);", true},
      {"MG301", "postgres", "ALTER TABLE users ADD CONSTRAINT users_email UNIQUE (email);", true},
      {"MG301", "postgres",
       "CREATE TABLE t (id bigint, e text);\nCREATE UNIQUE INDEX t_e ON t (e);", false},
      {"MG301", "postgres", "CREATE INDEX CONCURRENTLY users_email ON users (email);", false,
       false},
      {"MG302", "postgres", "ALTER TABLE events ADD PRIMARY KEY (id);", true},
      {"MG302", "postgres",
       "ALTER TABLE events ADD CONSTRAINT events_pk PRIMARY KEY USING INDEX events_id;", false},
      {"MG303", "postgres", "ALTER TABLE users ADD COLUMN tier text NOT NULL;", true},
      {"MG303", "mysql", "ALTER TABLE users ADD tier varchar(10) NOT NULL AFTER email;", true},
      {"MG303", "sqlite", "ALTER TABLE users ADD COLUMN tier TEXT NOT NULL;", true},
      {"MG303", "postgres", "ALTER TABLE users ADD COLUMN tier text NOT NULL DEFAULT 'free';",
       false},
      {"MG303", "postgres", "CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN c int NOT NULL;",
       false},
      {"MG303", "postgres",
       "ALTER TABLE users ADD COLUMN n bigint NOT NULL GENERATED ALWAYS AS IDENTITY;", false},
      {"MG304", "postgres", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", true},
      {"MG304", "mysql", "ALTER TABLE users MODIFY email varchar(255) NOT NULL;", true},
      {"MG304", "postgres",
       "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\n"
       "ALTER TABLE users VALIDATE CONSTRAINT email_nn;\n"
       "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
       false},
      // MG4xx PostgreSQL
      {"MG401", "postgres", "CREATE INDEX users_email ON users (email);", true},
      {"MG401", "postgres", "create index on public.users using btree (lower(email));", true},
      {"MG401", "postgres", "CREATE INDEX CONCURRENTLY users_email ON users (email);", false,
       false},
      {"MG401", "postgres", "CREATE TABLE t (id bigint, e text);\nCREATE INDEX t_e ON t (e);",
       false},
      {"MG401", "mysql", "CREATE INDEX users_email ON users (email);", false},
      {"MG402", "postgres", "DROP INDEX users_email;", true},
      {"MG402", "postgres", "DROP INDEX CONCURRENTLY IF EXISTS users_email;", false, false},
      {"MG402", "postgres",
       "CREATE INDEX CONCURRENTLY users_email ON users (email);\nDROP INDEX users_email;", false,
       false},
      {"MG403", "postgres",
       "ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();", true},
      {"MG403", "postgres", "ALTER TABLE users ADD COLUMN id2 bigserial;", true},
      {"MG403", "postgres",
       "ALTER TABLE users ADD COLUMN total numeric GENERATED ALWAYS AS (a + b) STORED;", true},
      {"MG403", "postgres", "ALTER TABLE users ADD COLUMN score int NOT NULL DEFAULT 0;", false},
      {"MG403", "postgres", "ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();",
       false},
      {"MG404", "postgres", "ALTER TABLE users ALTER COLUMN age SET DATA TYPE bigint;", true},
      {"MG404", "mysql", "ALTER TABLE users MODIFY age bigint;", false},
      {"MG404", "postgres", "ALTER TABLE users ALTER COLUMN age SET STATISTICS 100;", false},
      {"MG405", "postgres",
       "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) "
       "REFERENCES users (id);",
       true},
      {"MG405", "postgres", "ALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users (id);",
       true},
      {"MG405", "postgres",
       "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) "
       "REFERENCES users (id) NOT VALID;",
       false},
      {"MG406", "postgres", "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0);", true},
      {"MG406", "postgres",
       "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;", false},
      {"MG407", "postgres", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", true},
      {"MG407", "postgres",
       "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\n"
       "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
       true},  // the check is not validated: SET NOT NULL still scans
      {"MG407", "postgres",
       "ALTER TABLE users ADD CONSTRAINT email_nn CHECK ((\"email\" IS NOT NULL)) NOT VALID;\n"
       "ALTER TABLE users VALIDATE CONSTRAINT email_nn;\n"
       "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
       false},
      {"MG408", "postgres", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
       true},
      {"MG408", "postgres", "ALTER TABLE users ADD PRIMARY KEY (id);", true},
      {"MG408", "postgres",
       "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;",
       false},
      {"MG409", "postgres", "VACUUM FULL users;", true},
      {"MG409", "postgres", "VACUUM (FULL, ANALYZE) users;", true},
      {"MG409", "postgres", "CLUSTER users USING users_pkey;", true},
      {"MG409", "postgres", "VACUUM (ANALYZE) users;", false, false},
      {"MG410", "postgres", "REINDEX TABLE users;", true},
      {"MG410", "postgres", "REINDEX TABLE CONCURRENTLY users;", false, false},
      {"MG411", "postgres", "ALTER TABLE events DETACH PARTITION events_2023;", true},
      {"MG411", "postgres", "ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;", false,
       false},
      {"MG412", "postgres", "ALTER DOMAIN email ADD CONSTRAINT has_at CHECK (VALUE LIKE '%@%');",
       true},
      {"MG412", "postgres",
       "ALTER DOMAIN email ADD CONSTRAINT has_at CHECK (VALUE LIKE '%@%') NOT VALID;", false},
      // MG42x MySQL / MariaDB
      {"MG420", "mysql", "ALTER TABLE users MODIFY age BIGINT NOT NULL;", true},
      {"MG420", "mysql", "ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4;", true},
      {"MG420", "mysql", "ALTER TABLE users MODIFY age BIGINT NOT NULL, ALGORITHM=INPLACE;", false},
      {"MG420", "mysql", "ALTER TABLE users ADD COLUMN nickname varchar(50) FIRST;", false},
      {"MG420", "postgres", "ALTER TABLE users ALTER COLUMN age TYPE bigint;", false},
      {"MG421", "mysql", "ALTER TABLE users ADD COLUMN x int, ALGORITHM=COPY;", true},
      {"MG421", "mysql", "ALTER TABLE users ADD COLUMN x int, ALGORITHM = INSTANT;", false},
      {"MG422", "mysql", "ALTER TABLE users ADD INDEX users_a (a), LOCK=SHARED;", true},
      {"MG422", "mysql", "CREATE INDEX users_a ON users (a) LOCK = EXCLUSIVE;", true},
      {"MG422", "mysql", "ALTER TABLE users ADD INDEX users_a (a), LOCK=NONE;", false},
      // MG5xx
      {"MG501", "postgres", "CREATE INDEX CONCURRENTLY users_email ON users (email);", true},
      {"MG501", "postgres", "DROP INDEX CONCURRENTLY users_email;", true},
      {"MG501", "postgres", "CREATE INDEX CONCURRENTLY users_email ON users (email);", false,
       false},
      {"MG502", "mysql",
       "ALTER TABLE users ADD COLUMN tier varchar(20);\n"
       "UPDATE users SET tier = 'free' WHERE tier IS NULL;",
       true},
      {"MG502", "mysql", "CREATE TABLE plans (id bigint);\nINSERT INTO plans VALUES (1);", true},
      {"MG502", "mysql", "UPDATE users SET tier = 'free' WHERE id = 1;", false},
      {"MG502", "postgres",
       "ALTER TABLE users ADD COLUMN tier text;\nINSERT INTO plans VALUES (1);", false},
      {"MG503", "postgres",
       "ALTER TABLE users ADD COLUMN tier text;\n"
       "UPDATE users SET tier = 'free' WHERE tier IS NULL;",
       true},
      {"MG503", "postgres", "UPDATE users SET tier = 'free' WHERE tier IS NULL;", false},
      {"MG503", "sqlite",
       "ALTER TABLE users ADD COLUMN tier TEXT;\n"
       "UPDATE users SET tier = 'free' WHERE tier IS NULL;",
       false},  // SQLite locks the whole database for any migration
      {"MG503", "postgres",
       "ALTER TABLE users ADD COLUMN tier text;\n"
       "UPDATE users SET tier = 'free' WHERE tier IS NULL;",
       false, false},  // each statement commits on its own
      {"MG504", "postgres", "BEGIN;\nUPDATE t SET a = 1 WHERE id = 1;\nCOMMIT;", true},
      {"MG504", "mysql", "START TRANSACTION;", true},
      {"MG504", "sqlite",
       "CREATE TRIGGER t_count AFTER INSERT ON t BEGIN\n"
       "  UPDATE counts SET n = n + 1 WHERE name = 't';\nEND;",
       false},
      {"MG504", "postgres", "SAVEPOINT before_fix;\nROLLBACK TO SAVEPOINT before_fix;", false},
      {"MG505", "postgres", "DO $$ BEGIN PERFORM refresh(); END $$;", true},
      {"MG505", "mysql", "CALL refresh_totals();", true},
      {"MG505", "postgres",
       "CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM t; $$ LANGUAGE sql;", false},
      {"MG506", "postgres", "SET lock_timeout = '5s';", true},
      {"MG506", "mysql", "SET SESSION lock_wait_timeout = 5;", true},
      {"MG506", "postgres", "SET search_path = app, public;", false},
      {"MG590", "postgres", "-- migcmd:allow drop_table\nDROP TABLE users;", true},
      {"MG590", "postgres", "-- migcmd:allow drop_table:   \nDROP TABLE users;", true},
      {"MG590", "postgres", "-- migcmd:allow drop_table: archived in V12\nDROP TABLE users;",
       false},
      {"MG591", "postgres", "-- migcmd:allow drop_tabel: typo\nDROP TABLE users;", true},
      {"MG591", "postgres", "-- migcmd:allow MG102: archived in V12\nDROP TABLE users;", false},
      // MG6xx
      {"MG601", "postgres", "CREATE TABLE t (id integer PRIMARY KEY);", true},
      {"MG601", "mysql", "CREATE TABLE t (id INT AUTO_INCREMENT, PRIMARY KEY (id));", true},
      {"MG601", "postgres", "CREATE TABLE t (id serial PRIMARY KEY);", true},
      {"MG601", "postgres", "CREATE TABLE t (id bigint PRIMARY KEY, n integer);", false},
      {"MG601", "sqlite", "CREATE TABLE t (id INTEGER PRIMARY KEY);", false},
      {"MG602", "postgres", "CREATE TABLE t (at timestamp(3) without time zone);", true},
      {"MG602", "postgres", "CREATE TABLE t (a timestamptz, b timestamp with time zone);", false},
      {"MG602", "mysql", "CREATE TABLE t (at timestamp);", false},
      {"MG603", "postgres", "CREATE TABLE t (code char(3));", true},
      {"MG603", "mysql", "ALTER TABLE t ADD COLUMN code CHARACTER(3);", true},
      {"MG603", "postgres", "CREATE TABLE t (code varchar(3), d character varying(10));", false},
      {"MG604", "postgres", "CREATE TABLE t (doc json);", true},
      {"MG604", "postgres", "CREATE TABLE t (doc jsonb);", false},
      {"MG604", "mysql", "CREATE TABLE t (doc json);", false},
      {"MG605", "postgres", "CREATE TABLE " + long_name + " (id bigint);", true},
      {"MG605", "postgres", "CREATE TABLE " + max_name + " (id bigint);", false},
      {"MG605", "postgres", "INSERT INTO t VALUES ('" + long_name + "');", false},
      {"MG606", "postgres", "CREATE TABLE t (id bigserial PRIMARY KEY);", true},
      {"MG606", "postgres",
       "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);", false},
      {"MG607", "postgres", "CREATE INDEX CONCURRENTLY i ON t (a, b, c, d);", true, false},
      {"MG607", "postgres", "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a, b, c, d);", false, false},
      {"MG607", "postgres", "CREATE INDEX CONCURRENTLY i ON t (a, b, c);", false, false},
  };
  return cases;
}

struct CodeCase {
  std::string code;
  std::string dialect;
  std::function<void(migcmd::MigrationBuilder&)> up;
  bool flags;
  std::string what;  // for failure messages
};

using migcmd::Column;
using migcmd::MigrationBuilder;
using migcmd::Type;

void users_table(MigrationBuilder& b) {
  b.create_table("users", [](migcmd::TableBuilder& t) {
    t.column("id", Type::int64()).not_null().identity();
    t.column("email", Type::string(100));
    t.primary_key({"id"});
  });
}

Column column(std::string name, Type type, bool nullable = true) {
  Column c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.nullable = nullable;
  return c;
}

const std::vector<CodeCase>& code_cases() {
  static const std::vector<CodeCase> cases = {
      {"MG101", "postgres", [](MigrationBuilder& b) { b.drop_column("users", "email"); }, true,
       "drop_column"},
      {"MG101", "postgres",
       [](MigrationBuilder& b) {
         users_table(b);
         b.drop_column("users", "email");
       },
       false, "drop_column of a table created in the migration"},
      {"MG102", "sqlite", [](MigrationBuilder& b) { b.drop_table("users"); }, true, "drop_table"},
      {"MG107", "postgres", [](MigrationBuilder& b) { b.delete_rows("sessions", {}); }, true,
       "delete_rows without filter"},
      {"MG107", "postgres",
       [](MigrationBuilder& b) {
         b.delete_rows("sessions", {{"user_id", migcmd::Value(1)}});
       },
       false, "delete_rows with a filter"},
      {"MG108", "postgres",
       [](MigrationBuilder& b) {
         b.update("users", {{"active", migcmd::Value(true)}}, {});
       },
       true, "update without filter"},
      {"MG111", "postgres",
       [](MigrationBuilder& b) {
         b.alter_column("users", "email")
             .type(Type::string(50))
             .from(column("email", Type::string(100)));
       },
       true, "string(100) -> string(50)"},
      {"MG111", "mysql",
       [](MigrationBuilder& b) {
         b.alter_column("users", "n").type(Type::int32()).from(column("n", Type::int64()));
       },
       true, "int64 -> int32"},
      {"MG111", "postgres",
       [](MigrationBuilder& b) {
         b.alter_column("users", "email")
             .type(Type::string(200))
             .from(column("email", Type::string(100)));
       },
       false, "string(100) -> string(200)"},
      {"MG201", "postgres", [](MigrationBuilder& b) { b.rename_table("users", "accounts"); }, true,
       "rename_table"},
      {"MG202", "mysql", [](MigrationBuilder& b) { b.rename_column("users", "email", "mail"); },
       true, "rename_column"},
      {"MG203", "sqlite",
       [](MigrationBuilder& b) {
         b.alter_column("users", "code").type(Type::int64()).from(column("code", Type::text()));
       },
       true, "text -> int64"},
      {"MG203", "postgres",
       [](MigrationBuilder& b) {
         b.alter_column("users", "n").type(Type::int64()).from(column("n", Type::int32()));
       },
       false, "int32 -> int64 widens"},
      {"MG301", "postgres",
       [](MigrationBuilder& b) { b.create_index("users_email", "users", {"email"}).unique(); },
       true, "unique index on an existing table"},
      {"MG301", "postgres",
       [](MigrationBuilder& b) {
         users_table(b);
         b.create_index("users_email", "users", {"email"}).unique();
       },
       false, "unique index on a new table"},
      {"MG301", "mysql",
       [](MigrationBuilder& b) { b.add_unique("users_email", "users", {"email"}); }, true,
       "add_unique"},
      {"MG302", "postgres", [](MigrationBuilder& b) { b.add_primary_key("pk", "events", {"id"}); },
       true, "add_primary_key"},
      {"MG303", "postgres",
       [](MigrationBuilder& b) { b.add_column("users", "tier", Type::text()).not_null(); }, true,
       "NOT NULL column without default"},
      {"MG303", "postgres",
       [](MigrationBuilder& b) {
         b.add_column("users", "tier", Type::text())
             .not_null()
             .default_value(migcmd::Value("free"));
       },
       false, "NOT NULL column with a default"},
      {"MG303", "postgres",
       [](MigrationBuilder& b) {
         users_table(b);
         b.add_column("users", "tier", Type::text()).not_null();
       },
       false, "NOT NULL column on a new table"},
      {"MG304", "postgres",
       [](MigrationBuilder& b) { b.alter_column("users", "email").not_null(); }, true,
       "alter_column not_null"},
      {"MG401", "postgres",
       [](MigrationBuilder& b) { b.create_index("users_email", "users", {"email"}); }, true,
       "create_index on an existing table (rendered without CONCURRENTLY)"},
      {"MG401", "postgres",
       [](MigrationBuilder& b) {
         b.sql("CREATE INDEX CONCURRENTLY users_email ON users (email)").suppress_transaction();
       },
       false, "raw CREATE INDEX CONCURRENTLY outside the transaction"},
      {"MG402", "postgres", [](MigrationBuilder& b) { b.drop_index("users_email", "users"); }, true,
       "drop_index"},
      {"MG403", "postgres",
       [](MigrationBuilder& b) {
         b.add_column("users", "token", Type::uuid()).default_sql("gen_random_uuid()");
       },
       true, "volatile default"},
      {"MG403", "postgres",
       [](MigrationBuilder& b) {
         b.add_column("users", "seen", Type::timestamp_tz()).default_sql("now()");
       },
       false, "stable default"},
      {"MG404", "postgres",
       [](MigrationBuilder& b) {
         b.alter_column("users", "n").type(Type::int64()).from(column("n", Type::int32()));
       },
       true, "int32 -> int64 rewrites"},
      {"MG404", "postgres",
       [](MigrationBuilder& b) {
         b.alter_column("users", "email")
             .type(Type::text())
             .from(column("email", Type::string(100)));
       },
       false, "varchar -> text"},
      {"MG405", "postgres",
       [](MigrationBuilder& b) {
         b.add_foreign_key("orders_user", "orders", {"user_id"}, "users", {"id"});
       },
       true, "add_foreign_key"},
      {"MG405", "postgres",
       [](MigrationBuilder& b) {
         users_table(b);
         b.create_table("orders", [](migcmd::TableBuilder& t) {
           t.column("id", Type::int64()).not_null();
           t.column("user_id", Type::int64());
           t.primary_key({"id"});
         });
         b.add_foreign_key("orders_user", "orders", {"user_id"}, "users", {"id"});
       },
       false, "foreign key on a new table"},
      {"MG406", "postgres",
       [](MigrationBuilder& b) { b.add_check("positive", "orders", "total >= 0"); }, true,
       "add_check"},
      {"MG407", "postgres",
       [](MigrationBuilder& b) { b.alter_column("users", "email").not_null(); }, true,
       "SET NOT NULL rendered"},
      {"MG407", "postgres",
       [](MigrationBuilder& b) {
         b.sql("ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID");
         b.sql("ALTER TABLE users VALIDATE CONSTRAINT email_nn");
         b.alter_column("users", "email").not_null();
       },
       false, "SET NOT NULL after a validated check"},
      {"MG408", "postgres",
       [](MigrationBuilder& b) { b.add_unique("users_email", "users", {"email"}); }, true,
       "add_unique"},
      {"MG420", "mysql",
       [](MigrationBuilder& b) {
         b.alter_column("users", "n").type(Type::int64()).from(column("n", Type::int32()));
       },
       true, "int32 -> int64 copies"},
      {"MG420", "mysql",
       [](MigrationBuilder& b) {
         b.alter_column("users", "nick")
             .type(Type::string(40))
             .from(column("nick", Type::string(20)));
       },
       false, "varchar(20) -> varchar(40) in place"},
      {"MG501", "postgres",
       [](MigrationBuilder& b) { b.sql("CREATE INDEX CONCURRENTLY users_email ON users (email)"); },
       true, "raw CONCURRENTLY inside the transaction"},
      {"MG502", "mysql",
       [](MigrationBuilder& b) {
         b.add_column("users", "tier", Type::string(20));
         b.update("users", {{"tier", migcmd::Value("free")}}, {{"tier", migcmd::Value()}});
       },
       true, "add_column then update"},
      {"MG503", "postgres",
       [](MigrationBuilder& b) {
         b.add_column("users", "tier", Type::text());
         b.update("users", {{"tier", migcmd::Value("free")}}, {{"tier", migcmd::Value()}});
       },
       true, "backfill in the DDL transaction"},
      {"MG505", "postgres", [](MigrationBuilder& b) { b.sql("CALL refresh()"); }, true, "raw CALL"},
      {"MG601", "postgres",
       [](MigrationBuilder& b) {
         b.create_table("t", [](migcmd::TableBuilder& t) {
           t.column("id", Type::int32()).not_null().identity();
           t.primary_key({"id"});
         });
       },
       true, "int32 identity key"},
      {"MG601", "sqlite",
       [](MigrationBuilder& b) {
         b.create_table("t", [](migcmd::TableBuilder& t) {
           t.column("id", Type::int32()).not_null().identity();
           t.primary_key({"id"});
         });
       },
       false, "int32 key on SQLite"},
      {"MG602", "postgres",
       [](MigrationBuilder& b) {
         b.create_table("t", [](migcmd::TableBuilder& t) {
           t.column("id", Type::int64());
           t.column("at", Type::datetime());
         });
       },
       true, "datetime on PostgreSQL"},
      {"MG604", "postgres",
       [](MigrationBuilder& b) {
         b.create_table("t", [](migcmd::TableBuilder& t) {
           t.column("doc", Type::raw("json"));
           t.column("doc2", Type::json());  // rendered as jsonb
         });
       },
       true, "raw json column"},
  };
  return cases;
}

}  // namespace

TEST_CASE("the catalogue: unique codes and names, families, texts") {
  std::set<std::string> codes;
  std::set<std::string> names;
  for (const auto& r : risk_rules()) {
    CAPTURE(r.code);
    CHECK(codes.insert(r.code).second);
    CHECK(names.insert(r.name).second);
    REQUIRE(r.code.size() == 5);
    CHECK(r.code.substr(0, 2) == "MG");
    const char family = r.code[2];
    CHECK(family >= '1');
    CHECK(family <= '6');
    if (family == '6') CHECK(r.level == RiskLevel::low);
    CHECK_FALSE(r.summary.empty());
    CHECK_FALSE(r.safer.empty());
    CHECK(find_risk_rule(r.code) == &r);
    CHECK(find_risk_rule(r.name) == &r);
  }
  CHECK(codes.size() >= 40);
  REQUIRE(find_risk_rule("mg101") != nullptr);
  CHECK(find_risk_rule("mg101")->name == "drop_column");
  CHECK(find_risk_rule("DROP_TABLE")->code == "MG102");
  CHECK(find_risk_rule("no_such_rule") == nullptr);
  // Codes are listed in order.
  for (std::size_t i = 1; i < risk_rules().size(); ++i) {
    CHECK(risk_rules()[i - 1].code < risk_rules()[i].code);
  }
  // The rules specific to one database say so.
  CHECK(find_risk_rule("create_index_non_concurrent")->dialects ==
        std::vector<std::string>{"postgres"});
  CHECK(find_risk_rule("mysql_table_copy")->dialects == std::vector<std::string>{"mysql"});
  CHECK(find_risk_rule("mysql_table_copy")->summary.find("MariaDB 10.11") != std::string::npos);
  CHECK(find_risk_rule("lock_timeout_override")->level == RiskLevel::low);
}

TEST_CASE("each SQL case flags its rule, or does not") {
  for (const auto& c : sql_cases()) {
    CAPTURE(c.code);
    CAPTURE(c.dialect);
    CAPTURE(c.sql);
    CAPTURE(c.transactional);
    REQUIRE(find_risk_rule(c.code) != nullptr);
    const auto report =
        analyze(risk_test::sql_migration(c.sql, c.transactional), risk_test::dialect(c.dialect));
    INFO(risk_test::dump(report));
    CHECK(risk_test::has_active(report, c.code) == c.flags);
  }
}

TEST_CASE("each code case flags its rule, or does not") {
  for (const auto& c : code_cases()) {
    CAPTURE(c.code);
    CAPTURE(c.dialect);
    CAPTURE(c.what);
    REQUIRE(find_risk_rule(c.code) != nullptr);
    const auto report = analyze(risk_test::code_migration(c.up), risk_test::dialect(c.dialect));
    INFO(risk_test::dump(report));
    CHECK(risk_test::has_active(report, c.code) == c.flags);
  }
}

TEST_CASE("every rule of the catalogue has a case that flags it and one that does not") {
  std::set<std::string> flagged;
  std::set<std::string> spared;
  for (const auto& c : sql_cases()) (c.flags ? flagged : spared).insert(c.code);
  for (const auto& c : code_cases()) (c.flags ? flagged : spared).insert(c.code);
  for (const auto& r : risk_rules()) {
    CAPTURE(r.code);
    CAPTURE(r.name);
    CHECK(flagged.count(r.code) == 1);
    CHECK(spared.count(r.code) == 1);
  }
}
