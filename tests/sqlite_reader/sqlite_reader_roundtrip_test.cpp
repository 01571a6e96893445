// The three realistic schemas: created, read back equal to the model, rendered from what was
// read into a second database and read again equal; and diffed against themselves, empty.

#include <doctest/doctest.h>

#include <algorithm>

#include "migcmd/schema_json.hpp"
#include "sqlite_reader/reader_fixture.hpp"
#include "support/realistic_schemas.hpp"

namespace migcmd::test::sqlite_reader {
namespace {

// Tables in name order. The reader lists tables in creation order (sqlite_schema's rowid), and
// create_operations adds foreign keys after the tables, which SQLite does by rebuilding the
// table: a rebuilt table is created anew and so moves to the end.
Schema by_name(Schema schema) {
  std::sort(schema.tables.begin(), schema.tables.end(),
            [](const Table& a, const Table& b) { return a.name < b.name; });
  return schema;
}

}  // namespace

TEST_CASE("realistic schemas round-trip through the database unchanged") {
  FreshDatabase probe;
  const auto schemas = realistic_schemas(probe.dialect().capabilities());
  REQUIRE(schemas.size() == 3);
  for (const auto& [name, named_model] : schemas) {
    CAPTURE(name);
    FreshDatabase first;
    first.create(named_model);
    const Schema read = by_name(first.read());
    const Schema model = by_name(named_model);
    CHECK(read.tables.size() == model.tables.size());
    CHECK(read == model);
    if (read != model) MESSAGE("read:\n" << to_json(read) << "\nmodel:\n" << to_json(model));

    FreshDatabase second;
    second.create(read);
    const Schema again = by_name(second.read());
    CHECK(again == read);
  }
}

TEST_CASE("a schema read and diffed against itself or its model has no operations") {
  FreshDatabase probe;
  for (const auto& [name, model] : realistic_schemas(probe.dialect().capabilities())) {
    CAPTURE(name);
    FreshDatabase db;
    db.create(model);
    const Schema read = db.read();
    const SchemaDiff self = diff(read, read);
    CHECK_MESSAGE(self.empty(), describe_diff(self));
    const SchemaDiff against_model = diff(model, read, {.dialect = &db.dialect()});
    CHECK_MESSAGE(against_model.empty(), describe_diff(against_model));
  }
}

}  // namespace migcmd::test::sqlite_reader
