#include <fmt/format.h>

#include <soci/soci.h>
#include <climits>
// After soci.h: the ODBC backend header includes <sqlext.h> and needs SOCI's declarations.
#include <soci/odbc/soci-odbc.h>

#include <vector>

#include "connection/soci_connection.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "migcmd/url.hpp"

namespace migcmd::sqlserver {
namespace {

// The diagnostic records of a handle: "message (SQLSTATE xxxxx, native error n); ...", and the
// first SQLSTATE.
std::string diagnostics(SQLSMALLINT type, SQLHANDLE handle, std::string& sqlstate) {
  std::string out;
  for (SQLSMALLINT record = 1;; ++record) {
    SQLCHAR state[SQL_SQLSTATE_SIZE + 1] = {};
    SQLINTEGER native = 0;
    std::vector<SQLCHAR> text(1024);
    SQLSMALLINT length = 0;
    SQLRETURN rc = SQLGetDiagRec(type, handle, record, state, &native, text.data(),
                                 static_cast<SQLSMALLINT>(text.size()), &length);
    if (rc == SQL_SUCCESS_WITH_INFO && static_cast<std::size_t>(length) >= text.size()) {
      text.resize(static_cast<std::size_t>(length) + 1);  // the message was truncated
      rc = SQLGetDiagRec(type, handle, record, state, &native, text.data(),
                         static_cast<SQLSMALLINT>(text.size()), &length);
    }
    if (!SQL_SUCCEEDED(rc)) break;  // SQL_NO_DATA: no more records
    const std::string code(reinterpret_cast<const char*>(state));
    if (sqlstate.empty()) sqlstate = code;
    if (!out.empty()) out += "; ";
    out += fmt::format("{} (SQLSTATE {}, native error {})",
                       reinterpret_cast<const char*>(text.data()), code, native);
  }
  return out.empty() ? std::string("the ODBC driver gave no diagnostics") : out;
}

std::string excerpt(const std::string& sql) {
  constexpr std::size_t limit = 200;
  return sql.size() <= limit ? sql : sql.substr(0, limit) + "...";
}

[[noreturn]] void fail(SQLSMALLINT type, SQLHANDLE handle, const std::string& sql) {
  std::string sqlstate;
  std::string message = diagnostics(type, handle, sqlstate);
  throw DatabaseError(fmt::format("{} failed: {}", excerpt(sql), message), sql, sqlstate);
}

class StatementHandle {
 public:
  explicit StatementHandle(SQLHDBC connection) {
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, connection, &handle_))) {
      handle_ = SQL_NULL_HSTMT;
    }
  }
  ~StatementHandle() {
    if (handle_ != SQL_NULL_HSTMT) SQLFreeHandle(SQL_HANDLE_STMT, handle_);
  }
  StatementHandle(const StatementHandle&) = delete;
  StatementHandle& operator=(const StatementHandle&) = delete;

  [[nodiscard]] SQLHSTMT get() const noexcept { return handle_; }

 private:
  SQLHSTMT handle_ = SQL_NULL_HSTMT;
};

// SQLExecDirect on the session's connection handle (so inside its transaction): the text reaches
// the driver unchanged. A batch may report an error of a later statement only when its result is
// reached, so every result is consumed with SQLMoreResults.
void execute_directly(soci::session& session, const std::string& sql) {
  auto* backend = static_cast<soci::odbc_session_backend*>(session.get_backend());
  if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
    throw DatabaseError(excerpt(sql) + " failed: the statement is longer than ODBC allows", sql);
  }
  StatementHandle statement(backend->hdbc_);
  if (statement.get() == SQL_NULL_HSTMT) fail(SQL_HANDLE_DBC, backend->hdbc_, sql);
  auto* text = reinterpret_cast<SQLCHAR*>(const_cast<char*>(sql.data()));
  SQLRETURN rc = SQLExecDirect(statement.get(), text, static_cast<SQLINTEGER>(sql.size()));
  for (;;) {
    if (rc == SQL_INVALID_HANDLE) {
      throw DatabaseError(excerpt(sql) + " failed: invalid ODBC handle", sql);
    }
    if (rc == SQL_ERROR) fail(SQL_HANDLE_STMT, statement.get(), sql);
    if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO && rc != SQL_NO_DATA) {
      throw DatabaseError(
          fmt::format("{} failed: unexpected ODBC return code {}", excerpt(sql), rc), sql);
    }
    // SQL_NO_DATA from SQLExecDirect only means the first statement changed no rows.
    rc = SQLMoreResults(statement.get());
    if (rc == SQL_NO_DATA) return;
  }
}

// SQLExecDirect and SQLGetData as text: every cell as the driver renders it, whatever its type
// (SOCI's rows would read DECIMAL as double).
QueryResult query_directly(soci::session& session, const std::string& sql) {
  auto* backend = static_cast<soci::odbc_session_backend*>(session.get_backend());
  StatementHandle statement(backend->hdbc_);
  if (statement.get() == SQL_NULL_HSTMT) fail(SQL_HANDLE_DBC, backend->hdbc_, sql);
  auto* text = reinterpret_cast<SQLCHAR*>(const_cast<char*>(sql.data()));
  if (!SQL_SUCCEEDED(SQLExecDirect(statement.get(), text, static_cast<SQLINTEGER>(sql.size())))) {
    fail(SQL_HANDLE_STMT, statement.get(), sql);
  }
  QueryResult result;
  SQLSMALLINT columns = 0;
  SQLNumResultCols(statement.get(), &columns);
  for (SQLSMALLINT i = 1; i <= columns; ++i) {
    SQLCHAR name[256] = {};
    SQLSMALLINT length = 0, type = 0, digits = 0, nullable = 0;
    SQLULEN size = 0;
    SQLDescribeCol(statement.get(), i, name, sizeof name, &length, &type, &size, &digits,
                   &nullable);
    result.columns.emplace_back(reinterpret_cast<const char*>(name));
  }
  for (;;) {
    SQLRETURN rc = SQLFetch(statement.get());
    if (rc == SQL_NO_DATA) break;
    if (!SQL_SUCCEEDED(rc)) fail(SQL_HANDLE_STMT, statement.get(), sql);
    Row row;
    for (SQLSMALLINT i = 1; i <= columns; ++i) {
      std::string cell;
      char buffer[4096];
      SQLLEN indicator = 0;
      bool is_null = false;
      // Long values arrive in pieces: SQL_SUCCESS_WITH_INFO means more follows.
      for (;;) {
        rc = SQLGetData(statement.get(), static_cast<SQLUSMALLINT>(i), SQL_C_CHAR, buffer,
                        sizeof buffer, &indicator);
        if (rc == SQL_NO_DATA) break;
        if (!SQL_SUCCEEDED(rc)) fail(SQL_HANDLE_STMT, statement.get(), sql);
        if (indicator == SQL_NULL_DATA) {
          is_null = true;
          break;
        }
        const std::size_t got =
            (indicator == SQL_NO_TOTAL || indicator >= static_cast<SQLLEN>(sizeof buffer))
                ? sizeof buffer - 1
                : static_cast<std::size_t>(indicator);
        cell.append(buffer, got);
        if (rc == SQL_SUCCESS) break;
      }
      if (is_null)
        row.emplace_back(std::nullopt);
      else
        row.emplace_back(std::move(cell));
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace

std::unique_ptr<Connection> connect(std::string_view url) {
  const OdbcConnectionString target = odbc_connection_string(url);
  return detail::open_soci_connection(*soci::factory_odbc(), target.value, "sqlserver",
                                      parse_url(url).redacted(), execute_directly, query_directly);
}

}  // namespace migcmd::sqlserver
