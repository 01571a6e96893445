#include "sqlserver_reader_queries.hpp"

#include "tsql_text.hpp"

namespace migcmd::sqlserver {
namespace {

// `query` with every "{schemas}" replaced by `schemas`.
std::string with_schemas(std::string_view query, const std::string& schemas) {
  constexpr std::string_view marker = "{schemas}";
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = query.find(marker); at != std::string_view::npos;
       at = query.find(marker, from)) {
    out.append(query.substr(from, at - from));
    out += schemas;
    from = at + marker.size();
  }
  out.append(query.substr(from));
  return out;
}

}  // namespace

std::string schema_list_sql(const ReadOptions& options) {
  if (options.schemas.empty()) return "SCHEMA_NAME()";
  std::string out;
  for (const auto& schema : options.schemas) {
    if (!out.empty()) out += ", ";
    out += tsql::unicode_literal(schema);
  }
  return out;
}

CatalogQueries catalog_queries(const ReadOptions& options) {
  const std::string schemas = schema_list_sql(options);
  const std::string tables = with_schemas(selected_tables, schemas);
  CatalogQueries q;
  q.scope = with_schemas(scope_query, schemas);
  q.tables = tables + std::string(tables_query);
  q.columns = tables + std::string(columns_query);
  q.keys = tables + std::string(keys_query);
  q.indexes = tables + std::string(indexes_query);
  q.foreign_keys = tables + std::string(foreign_keys_query);
  q.checks = tables + std::string(checks_query);
  return q;
}

}  // namespace migcmd::sqlserver
