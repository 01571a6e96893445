// The SQL Server reader's fetching (read_catalog: Connection::query through ODBC, cells converted
// by position, then assembled), which no SQL Server can exercise here, run through the ODBC
// drivers of the databases that do run: PostgreSQL ("PostgreSQL Unicode", odbc-postgresql) and
// MariaDB ("MariaDB Unicode", odbc-mariadb), against the servers tools/dev/dbs.sh starts. Each
// catalog query is replaced by a SELECT of the recorded rows with the column types SQL Server
// gives them (integers for ids, lengths and bit flags, text elsewhere, NULLs, UTF-8), plus values
// longer than one SQLGetData buffer. No table is created. A missing driver or an unreachable server
// FAILs the test.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sql.h>
#include <sqlext.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "migcmd/url.hpp"
#include "sqlserver/reader_shop_rows.hpp"
#include "sqlserver_reader.hpp"

namespace migcmd::test {
namespace {

using namespace migcmd::sqlserver;

struct Target {
  std::string label;     // for messages
  std::string dsn;       // the data source written to odbc.ini
  std::string driver;    // as registered in odbcinst.ini
  std::string package;   // the Debian package that installs the driver
  std::string url_env;   // the variable naming the test server
  std::string url;       // its default
  std::string host_key;  // the driver's DSN keyword for the host
};

const Target postgres{"PostgreSQL",
                      "migcmd_reader_pg",
                      "PostgreSQL Unicode",
                      "odbc-postgresql",
                      "MIGCMD_TEST_POSTGRES_URL",
                      "postgres://migcmd:migcmd@127.0.0.1:55432/migcmd_test",
                      "Servername"};
const Target mariadb{
    "MariaDB",      "migcmd_reader_mariadb",   "MariaDB Unicode",
    "odbc-mariadb", "MIGCMD_TEST_MARIADB_URL", "mysql://migcmd:migcmd@127.0.0.1:53306/migcmd_test",
    "Server"};

DatabaseUrl server(const Target& target) {
  const char* url = std::getenv(target.url_env.c_str());
  return parse_url(url && *url ? url : target.url);
}

// The driver descriptions the driver manager knows (the sections of odbcinst.ini).
std::vector<std::string> installed_drivers() {
  std::vector<std::string> out;
  SQLHENV env = SQL_NULL_HENV;
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env))) return out;
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
  SQLUSMALLINT direction = SQL_FETCH_FIRST;
  SQLCHAR description[512];
  SQLCHAR attributes[2048];
  SQLSMALLINT description_length = 0;
  SQLSMALLINT attributes_length = 0;
  while (
      SQL_SUCCEEDED(SQLDrivers(env, direction, description, sizeof description, &description_length,
                               attributes, sizeof attributes, &attributes_length))) {
    out.emplace_back(reinterpret_cast<const char*>(description));
    direction = SQL_FETCH_NEXT;
  }
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  return out;
}

// Both data sources in a temporary odbc.ini that ODBCINI points at, once per process.
void write_odbc_ini() {
  static const bool done = [] {
    const auto dir = std::filesystem::temp_directory_path() /
                     fmt::format("migcmd_reader_odbc_{}", static_cast<long>(getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "odbc.ini";
    std::ofstream out(path);
    for (const Target* target : {&postgres, &mariadb}) {
      const DatabaseUrl url = server(*target);
      out << fmt::format("[{}]\nDriver={}\n{}={}\nPort={}\nDatabase={}\n\n", target->dsn,
                         target->driver, target->host_key, url.host, url.port.value_or(0),
                         url.database);
    }
    out.close();
    REQUIRE_MESSAGE(out, "cannot write " << path.string());
    setenv("ODBCINI", path.c_str(), 1);
    return true;
  }();
  (void)done;
}

std::unique_ptr<Connection> connect_or_fail(const Target& target) {
  const auto drivers = installed_drivers();
  if (std::find(drivers.begin(), drivers.end(), target.driver) == drivers.end()) {
    FAIL("the ODBC driver \"" << target.driver << "\" is not registered with unixODBC "
                              << "(odbcinst.ini); install the " << target.package
                              << " package (tools/dev/install-deps.sh all)");
  }
  write_odbc_ini();
  const DatabaseUrl url = server(target);
  try {
    return sqlserver::connect(fmt::format("odbc://{}:{}@/{}", url.user, url.password, target.dsn));
  } catch (const Error& e) {
    if (e.code() != ErrorCode::connection_error) throw;
    FAIL("cannot reach the " << target.label << " test server through ODBC ("
                             << std::string(e.what()) << "); run tools/dev/dbs.sh start, or set "
                             << target.url_env);
  }
  return nullptr;
}

// ---- the recorded rows as SELECTs -------------------------------------------------------------

// A cell of a recorded row and whether SQL Server returns it from an integer (or bit) column.
struct Cell {
  std::optional<std::string> text;
  bool integer = false;
};

Cell num(const std::string& text) {
  return {text, true};
}
Cell str(const std::string& text) {
  return {text, false};
}
Cell opt(const std::optional<std::string>& text) {
  return {text, false};
}

std::string literal(const Cell& cell) {
  if (!cell.text) return "NULL";
  if (cell.integer) return *cell.text;
  // Both servers read '' as one quote; MariaDB would also read backslashes as escapes.
  REQUIRE_MESSAGE(cell.text->find('\\') == std::string::npos, "a backslash in " << *cell.text);
  std::string out = "'";
  for (char c : *cell.text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// SELECT c1, ..., cn FROM (SELECT 0 AS ord, <row 0> UNION ALL SELECT 1, <row 1> ...) AS r
// ORDER BY ord: the rows in order, with the types of their first row.
std::string select_of(std::size_t columns, const std::vector<std::vector<Cell>>& rows) {
  std::vector<std::string> names;
  for (std::size_t i = 1; i <= columns; ++i) names.push_back(fmt::format("c{}", i));
  std::vector<std::string> selects;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> values{r == 0 ? "0 AS ord" : std::to_string(r)};
    for (std::size_t i = 0; i < columns; ++i) {
      values.push_back(r == 0 ? fmt::format("{} AS {}", literal(rows[r][i]), names[i])
                              : literal(rows[r][i]));
    }
    selects.push_back("SELECT " + fmt::format("{}", fmt::join(values, ", ")));
  }
  if (rows.empty()) {
    std::vector<std::string> nulls{"0 AS ord"};
    for (const auto& name : names) nulls.push_back("NULL AS " + name);
    selects.push_back(
        fmt::format("SELECT {} FROM (SELECT 1 AS x) AS one WHERE 1 = 0", fmt::join(nulls, ", ")));
  }
  return fmt::format("SELECT {} FROM ({}) AS r ORDER BY ord", fmt::join(names, ", "),
                     fmt::join(selects, " UNION ALL "));
}

template <typename T, typename ToCells>
std::string select_of(std::size_t columns, const std::vector<T>& rows, ToCells to_cells) {
  std::vector<std::vector<Cell>> cells;
  for (const auto& row : rows) cells.push_back(to_cells(row));
  return select_of(columns, cells);
}

// Queries answering with `rows` in the shapes of the SQL Server catalog queries.
CatalogQueries recorded_queries(const CatalogRows& rows) {
  CatalogQueries q;
  q.scope = select_of(3, rows.scope, [](const ScopeRow& r) {
    return std::vector<Cell>{str(r.default_schema), str(r.database_collation), opt(r.schema)};
  });
  q.tables = select_of(4, rows.tables, [](const TableRow& r) {
    return std::vector<Cell>{num(r.object_id), str(r.schema), str(r.name), opt(r.comment)};
  });
  q.columns = select_of(13, rows.columns, [](const ColumnRow& r) {
    return std::vector<Cell>{num(r.object_id),
                             str(r.name),
                             str(r.type_name),
                             opt(r.type_schema),
                             num(r.max_length),
                             num(r.precision),
                             num(r.scale),
                             num(r.is_nullable),
                             num(r.is_identity),
                             num(r.is_computed),
                             opt(r.default_definition),
                             opt(r.collation),
                             opt(r.comment)};
  });
  q.keys = select_of(4, rows.keys, [](const KeyRow& r) {
    return std::vector<Cell>{num(r.object_id), str(r.name), str(r.type), str(r.column)};
  });
  q.indexes = select_of(9, rows.indexes, [](const IndexRow& r) {
    return std::vector<Cell>{num(r.object_id), num(r.index_id),          str(r.name),
                             str(r.type_desc), num(r.is_unique),         opt(r.filter_definition),
                             str(r.column),    num(r.is_descending_key), num(r.is_included_column)};
  });
  q.foreign_keys = select_of(8, rows.foreign_keys, [](const ForeignKeyRow& r) {
    return std::vector<Cell>{num(r.object_id),        str(r.name),
                             str(r.column),           str(r.referenced_schema),
                             str(r.referenced_table), str(r.referenced_column),
                             str(r.delete_action),    str(r.update_action)};
  });
  q.checks = select_of(3, rows.checks, [](const CheckRow& r) {
    return std::vector<Cell>{num(r.object_id), str(r.name), str(r.definition)};
  });
  return q;
}

// The shop rows plus a table whose comment and check are longer than one SQLGetData buffer
// (4096 bytes): a 3750-character comment (MS_Description's limit) and an IN list of 400 codes,
// stored as SQL Server stores it, ORs in reverse order.
struct LongValues {
  std::string comment;
  std::string definition;
  std::string expression;
};

LongValues add_long_values(CatalogRows& rows) {
  LongValues v;
  for (int i = 0; v.comment.size() < 3750; ++i) v.comment += static_cast<char>('a' + i % 26);
  std::vector<std::string> stored, written;
  for (int i = 399; i >= 0; --i) stored.push_back(fmt::format("[code]='v{:04}'", i));
  for (int i = 0; i < 400; ++i) written.push_back(fmt::format("'v{:04}'", i));
  v.definition = fmt::format("({})", fmt::join(stored, " OR "));
  v.expression = fmt::format("code IN ({})", fmt::join(written, ", "));
  rows.tables.push_back({"2000000001", "dbo", "codes", v.comment});
  rows.columns.push_back({"2000000001",
                          "code",
                          "nvarchar",
                          {},
                          "20",
                          "0",
                          "0",
                          "0",
                          "0",
                          "0",
                          "(N'v0000')",
                          "SQL_Latin1_General_CP1_CI_AS",
                          "the code's text: größe ‘€’ 𝄞"});
  rows.checks.push_back({"2000000001", "ck_codes", v.definition});
  return v;
}

void reads_through(const Target& target) {
  auto connection = connect_or_fail(target);
  CatalogRows rows = shop_rows();
  const LongValues long_values = add_long_values(rows);
  REQUIRE(long_values.definition.size() > 4096);

  const Schema read = read_catalog(*connection, ReadOptions{}, recorded_queries(rows));
  CHECK(read == assemble_schema(rows, ReadOptions{}));

  const Table* codes = read.find_table(QualifiedName("codes"));
  REQUIRE(codes != nullptr);
  CHECK(codes->comment == long_values.comment);
  REQUIRE(codes->checks.size() == 1);
  CHECK(codes->checks[0].expression == long_values.expression);
  REQUIRE(codes->columns.size() == 1);
  CHECK(codes->columns[0].comment == "the code's text: größe ‘€’ 𝄞");
  CHECK(codes->columns[0].default_value == std::optional<ColumnDefault>(Value{"v0000"}));

  // Apart from it, the shop schema as its model, NULLs (no default, no collation) included.
  Schema shop = read;
  shop.tables.erase(std::find_if(shop.tables.begin(), shop.tables.end(),
                                 [](const Table& t) { return t.name == QualifiedName("codes"); }));
  CHECK(shop == sorted(catalog_form(shop_for_sqlserver())));
}

void empty_answers(const Target& target) {
  auto connection = connect_or_fail(target);
  CatalogRows rows;
  rows.scope = {{"dbo", "SQL_Latin1_General_CP1_CI_AS", std::nullopt}};
  ReadOptions options;
  options.schemas = {"nope"};
  const Schema read = read_catalog(*connection, options, recorded_queries(rows));
  CHECK(read.tables.empty());
  CHECK(read.namespaces.empty());
}

void wrong_shape(const Target& target) {
  auto connection = connect_or_fail(target);
  CatalogQueries queries = recorded_queries(shop_rows());
  queries.keys = "SELECT 1 AS a, 'pk' AS b";
  try {
    (void)read_catalog(*connection, ReadOptions{}, queries);
    FAIL("a two-column answer to the keys query was accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::internal);
    CHECK(std::string(e.what()).find("returned 2 columns where 4 were expected") !=
          std::string::npos);
  }
}

}  // namespace

TEST_CASE("sqlserver reader over odbc (PostgreSQL driver): rows fetched and assembled") {
  reads_through(postgres);
}
TEST_CASE("sqlserver reader over odbc (PostgreSQL driver): empty answers") {
  empty_answers(postgres);
}
TEST_CASE("sqlserver reader over odbc (PostgreSQL driver): an answer of the wrong shape") {
  wrong_shape(postgres);
}

TEST_CASE("sqlserver reader over odbc (MariaDB driver): rows fetched and assembled") {
  reads_through(mariadb);
}
TEST_CASE("sqlserver reader over odbc (MariaDB driver): empty answers") {
  empty_answers(mariadb);
}
TEST_CASE("sqlserver reader over odbc (MariaDB driver): an answer of the wrong shape") {
  wrong_shape(mariadb);
}

}  // namespace migcmd::test
