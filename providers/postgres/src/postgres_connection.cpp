// Connections: SOCI's postgresql backend for queries and transactions, libpq's PQexec for plain
// statements.

#include <fmt/format.h>
#include <libpq-fe.h>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <memory>

#include "connection/soci_connection.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"
#include "migcmd/url.hpp"
#include "postgres_conninfo.hpp"

namespace migcmd::postgres {
namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string excerpt(const std::string& sql) {
  constexpr std::size_t limit = 200;
  return sql.size() <= limit ? sql : sql.substr(0, limit) + "...";
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Server notices (IF NOT EXISTS skips, implicit index names) would otherwise go to stderr from
// inside an embedding application; errors arrive as results, not notices.
void ignore_notice(void*, const char*) {}

// The server's own words: primary message, detail and hint, with the SQLSTATE.
[[noreturn]] void throw_error(const PGresult* result, PGconn* conn, const std::string& sql) {
  auto field = [&](int code) -> std::string {
    const char* value = result ? PQresultErrorField(result, code) : nullptr;
    return value ? value : "";
  };
  std::string sqlstate = field(PG_DIAG_SQLSTATE);
  std::string message = field(PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) message = trimmed(PQerrorMessage(conn));
  if (message.empty()) message = "the server returned no result";
  if (!sqlstate.empty()) message = fmt::format("SQLSTATE {}: {}", sqlstate, message);
  if (auto detail = field(PG_DIAG_MESSAGE_DETAIL); !detail.empty())
    message += "; detail: " + detail;
  if (auto hint = field(PG_DIAG_MESSAGE_HINT); !hint.empty()) message += "; hint: " + hint;
  if (auto position = field(PG_DIAG_STATEMENT_POSITION); !position.empty()) {
    message += fmt::format(" (at character {})", position);
  }
  throw DatabaseError(fmt::format("{} failed: {}", excerpt(sql), message), sql, sqlstate);
}

// Leaves a COPY the statement started, so that the connection can be used again.
void abandon_copy(PGconn* conn, ExecStatusType status) {
  if (status == PGRES_COPY_IN) {
    PQputCopyEnd(conn, "migcmd does not send COPY data");
  } else {
    char* buffer = nullptr;
    while (PQgetCopyData(conn, &buffer, 0) > 0) PQfreemem(buffer);
  }
  while (PGresult* rest = PQgetResult(conn)) PQclear(rest);
}

// PQexec on the session's connection: SOCI's statement path would rewrite ":name" as a
// placeholder even inside dollar-quoted function bodies and string literals.
ResultPtr run(soci::session& session, const std::string& sql) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  PGconn* conn = backend->conn_;
  PQsetNoticeProcessor(conn, ignore_notice, nullptr);
  ResultPtr result(PQexec(conn, sql.c_str()), &PQclear);
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  switch (status) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
      return result;
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_COPY_BOTH:
      result.reset();
      abandon_copy(conn, status);
      throw DatabaseError(fmt::format("{} failed: COPY FROM STDIN / TO STDOUT cannot run in a "
                                      "migration; use INSERT or COPY with a server-side file",
                                      excerpt(sql)),
                          sql, "0A000");
    default:
      throw_error(result.get(), conn, sql);
  }
}

void execute_directly(soci::session& session, const std::string& sql) {
  run(session, sql);
}

// Every cell as the server's text output: SOCI's rows would read numeric as double.
QueryResult query_directly(soci::session& session, const std::string& sql) {
  ResultPtr result = run(session, sql);
  QueryResult out;
  const int columns = PQnfields(result.get());
  for (int c = 0; c < columns; ++c) out.columns.emplace_back(PQfname(result.get(), c));
  const int rows = PQntuples(result.get());
  out.rows.reserve(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    Row row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result.get(), r, c)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(PQgetvalue(result.get(), r, c),
                                     static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::unique_ptr<Connection> connect(std::string_view url) {
  DatabaseUrl parsed = parse_url(url);
  if (parsed.scheme != "postgres" && parsed.scheme != "postgresql") {
    throw Error(ErrorCode::usage, fmt::format("{} is not a PostgreSQL URL", parsed.redacted()),
                "use postgres://user:password@host:port/database");
  }
  return detail::open_soci_connection(*soci::factory_postgresql(), build_conninfo(parsed),
                                      "postgres", parsed.redacted(), execute_directly,
                                      query_directly);
}

}  // namespace migcmd::postgres
