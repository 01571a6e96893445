// Provider::read_schema for SQL Server through a Connection that answers the catalog queries
// with recorded results: seven queries whatever the number of tables, each exactly the pinned
// text, and their cells converted by position into the rows the assembly reads.

#include <doctest/doctest.h>

#include <map>

#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "sqlserver/reader_shop_rows.hpp"
#include "sqlserver_reader.hpp"

namespace migcmd::test {
namespace {

using namespace migcmd::sqlserver;

// Answers each known query with its recorded result and remembers the queries asked.
class RecordedConnection final : public Connection {
 public:
  explicit RecordedConnection(std::map<std::string, QueryResult> answers)
      : answers_(std::move(answers)) {}

  [[nodiscard]] std::string_view dialect_name() const noexcept override { return "sqlserver"; }
  [[nodiscard]] std::string redacted_url() const override { return "recorded://"; }
  void execute(const std::string& sql, const std::vector<Value>&) override {
    throw DatabaseError("the reader ran a statement: " + sql, sql);
  }
  [[nodiscard]] QueryResult query(const std::string& sql, const std::vector<Value>&) override {
    asked.push_back(sql);
    const auto found = answers_.find(sql);
    if (found == answers_.end()) throw DatabaseError("unexpected query: " + sql, sql);
    return found->second;
  }
  void begin() override {}
  void commit() override {}
  void rollback() override {}

  std::vector<std::string> asked;

 private:
  std::map<std::string, QueryResult> answers_;
};

std::optional<std::string> cell(std::string text) {
  return std::optional<std::string>(std::move(text));
}

template <typename T, typename ToRow>
QueryResult result(std::size_t columns, const std::vector<T>& rows, ToRow to_row) {
  QueryResult r;
  for (std::size_t i = 0; i < columns; ++i) r.columns.push_back("c" + std::to_string(i));
  for (const auto& row : rows) r.rows.push_back(to_row(row));
  return r;
}

// The results the queries of `queries` give for `rows`, as the driver returns them.
std::map<std::string, QueryResult> answers(const CatalogQueries& queries, const CatalogRows& rows) {
  std::map<std::string, QueryResult> out;
  out[queries.scope] = result(3, rows.scope, [](const ScopeRow& r) {
    return Row{cell(r.default_schema), cell(r.database_collation), r.schema};
  });
  out[queries.tables] = result(4, rows.tables, [](const TableRow& r) {
    return Row{cell(r.object_id), cell(r.schema), cell(r.name), r.comment};
  });
  out[queries.columns] = result(13, rows.columns, [](const ColumnRow& r) {
    return Row{cell(r.object_id),
               cell(r.name),
               cell(r.type_name),
               r.type_schema,
               cell(r.max_length),
               cell(r.precision),
               cell(r.scale),
               cell(r.is_nullable),
               cell(r.is_identity),
               cell(r.is_computed),
               r.default_definition,
               r.collation,
               r.comment};
  });
  out[queries.keys] = result(4, rows.keys, [](const KeyRow& r) {
    return Row{cell(r.object_id), cell(r.name), cell(r.type), cell(r.column)};
  });
  out[queries.indexes] = result(9, rows.indexes, [](const IndexRow& r) {
    return Row{cell(r.object_id), cell(r.index_id),          cell(r.name),
               cell(r.type_desc), cell(r.is_unique),         r.filter_definition,
               cell(r.column),    cell(r.is_descending_key), cell(r.is_included_column)};
  });
  out[queries.foreign_keys] = result(8, rows.foreign_keys, [](const ForeignKeyRow& r) {
    return Row{cell(r.object_id),        cell(r.name),
               cell(r.column),           cell(r.referenced_schema),
               cell(r.referenced_table), cell(r.referenced_column),
               cell(r.delete_action),    cell(r.update_action)};
  });
  out[queries.checks] = result(3, rows.checks, [](const CheckRow& r) {
    return Row{cell(r.object_id), cell(r.name), cell(r.definition)};
  });
  return out;
}

std::vector<std::string> in_order(const CatalogQueries& q) {
  return {q.scope, q.tables, q.columns, q.keys, q.indexes, q.foreign_keys, q.checks};
}

}  // namespace

TEST_CASE("sqlserver reader: seven catalog queries whatever the number of tables") {
  const auto provider = sqlserver::make_provider();
  const CatalogQueries queries = catalog_queries(ReadOptions{});

  SUBCASE("the realistic shop schema: 18 tables") {
    const CatalogRows rows = shop_rows();
    RecordedConnection connection(answers(queries, rows));
    const Schema read = provider->read_schema(connection, ReadOptions{});
    CHECK(connection.asked == in_order(queries));
    CHECK(read.tables.size() == 18);
    CHECK(read == assemble_schema(rows, ReadOptions{}));
    CHECK(read == sorted(catalog_form(shop_for_sqlserver())));
  }
  SUBCASE("an empty schema") {
    CatalogRows rows;
    rows.scope = {{"dbo", "SQL_Latin1_General_CP1_CI_AS", "dbo"}};
    RecordedConnection connection(answers(queries, rows));
    const Schema read = provider->read_schema(connection, ReadOptions{});
    CHECK(connection.asked == in_order(queries));
    CHECK(read.tables.empty());
  }
  SUBCASE("listed schemas change the queries, not their number") {
    ReadOptions options;
    options.schemas = {"dbo", "sales"};
    const CatalogQueries listed = catalog_queries(options);
    CatalogRows rows;
    rows.scope = {{"dbo", "SQL_Latin1_General_CP1_CI_AS", "sales"}};
    RecordedConnection connection(answers(listed, rows));
    const Schema read = provider->read_schema(connection, options);
    CHECK(connection.asked == in_order(listed));
    CHECK(read.namespaces == std::vector<std::string>{"sales"});
  }
}

TEST_CASE("sqlserver reader: an answer of the wrong shape is an internal error") {
  const CatalogQueries queries = catalog_queries(ReadOptions{});
  auto recorded = answers(queries, shop_rows());
  recorded[queries.checks].columns.pop_back();
  for (auto& row : recorded[queries.checks].rows) row.pop_back();
  RecordedConnection connection(recorded);
  try {
    (void)sqlserver::read_schema(connection, ReadOptions{});
    FAIL("a two-column answer to the checks query was accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::internal);
    CHECK(std::string(e.what()).find("returned 2 columns where 3 were expected") !=
          std::string::npos);
  }
}

}  // namespace migcmd::test
