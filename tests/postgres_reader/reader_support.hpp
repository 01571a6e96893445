#pragma once
// What the reader tests share: reading a test schema, comparing schemas with readable failures,
// and the rewrites PostgreSQL makes that no reader can undo.

#include <string>

#include "migcmd/connection.hpp"
#include "migcmd/schema.hpp"
#include "migcmd/schema_reader.hpp"
#include "postgres/pg_fixture.hpp"

namespace migcmd::test {

// The PostgreSQL provider's read_schema on the fixture's connection.
[[nodiscard]] Schema read(Connection& connection, const ReadOptions& options = {});

// The same schema with every list whose order the catalog does not keep sorted by name: tables,
// unique, check and foreign key constraints and indexes. Column and key-column orders are kept.
[[nodiscard]] Schema sorted(Schema schema);

// The model as the catalog gives it back. The server stores a parse tree and prints it again;
// where that text differs from what was written and cannot be told apart from other input, the
// reader returns the server's text. Known case in the realistic schemas:
// "score BETWEEN 1 AND 5" -> "score >= 1 AND score <= 5".
[[nodiscard]] Schema catalog_form(Schema schema);

// CHECKs that the schemas are equal table by table and field by field, printing both tables as
// JSON where they differ.
void check_same(const Schema& expected, const Schema& actual);

// The SQL of the operations that turn `from` into `to`, empty when there are none.
[[nodiscard]] std::string diff_sql(const Schema& from, const Schema& to, bool with_dialect);

}  // namespace migcmd::test
