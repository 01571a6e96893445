// The SQLite dialect's vocabulary: capabilities, quoting, literals and the type mapping.

#include "sqlite_dialect.hpp"

#include <fmt/format.h>

#include <cmath>

#include "detail/hex.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/sqlite.hpp"

namespace migcmd::sqlite {

std::unique_ptr<Dialect> make_dialect() {
  return std::make_unique<SqliteDialect>();
}

Capabilities SqliteDialect::capabilities() const {
  Capabilities c;
  c.transactional_ddl = true;
  c.schemas = false;
  c.alter_column = false;       // done by rebuilding the table
  c.alter_constraints = false;  // likewise
  c.rename_index = false;       // done by dropping and recreating the index
  c.partial_indexes = true;
  c.expression_indexes = true;
  c.descending_indexes = true;
  c.check_constraints = true;
  c.comments = false;
  c.concurrent_index = false;
  c.max_identifier_length = 0;
  return c;
}

std::string SqliteDialect::quote_identifier(std::string_view identifier) const {
  if (identifier.find('\0') != std::string_view::npos) {
    throw Error(ErrorCode::invalid_migration,
                "sqlite cannot use an identifier containing a NUL character",
                "remove the NUL character from the name");
  }
  std::string out = "\"";
  for (char c : identifier) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string SqliteDialect::literal(const Value& value) const {
  const auto& v = value.storage();
  if (std::holds_alternative<std::monostate>(v)) return "NULL";
  // SQLite has no boolean storage class; TRUE and FALSE are aliases of 1 and 0 anyway.
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "1" : "0";
  if (const auto* i = std::get_if<std::int64_t>(&v)) return fmt::format("{}", *i);
  if (const auto* d = std::get_if<double>(&v)) {
    if (!std::isfinite(*d)) {
      throw Error(ErrorCode::unsupported_operation,
                  fmt::format("sqlite cannot write {} as a SQL literal",
                              std::isnan(*d) ? "NaN" : (*d > 0 ? "infinity" : "-infinity")),
                  "store NULL or a finite number instead");
    }
    // Shortest text that reads back as the same double; a decimal point keeps SQLite from
    // reading a whole number such as 2.0 as an INTEGER.
    std::string out = fmt::format("{}", *d);
    if (out.find_first_of(".e") == std::string::npos) out += ".0";
    return out;
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (s->find('\0') != std::string::npos) {
      // sqlite3_exec stops at the first NUL, which would cut the statement short.
      throw Error(ErrorCode::unsupported_operation,
                  "sqlite cannot write a string containing a NUL character as a SQL literal",
                  "store the value as bytes, or render with RenderOptions::bind_values");
    }
    std::string out = "'";
    for (char c : *s) {
      if (c == '\'') out += '\'';
      out += c;
    }
    out += '\'';
    return out;
  }
  return fmt::format("X'{}'", detail::to_hex(std::get<Bytes>(v), true));
}

// Declared types are chosen so that SQLite's affinity rules (https://www.sqlite.org/datatype3.html
// section 3.1) give the right storage while the declaration still says which portable type the
// column has, for a schema reader:
//
//   boolean       BOOLEAN           NUMERIC affinity; stored as 1 / 0
//   int16         SMALLINT          INTEGER
//   int32         INT               INTEGER
//   int64         BIGINT            INTEGER
//   identity      INTEGER           the rowid alias: "INTEGER PRIMARY KEY AUTOINCREMENT" (any
//                                   integer kind; it reads back as int64)
//   decimal(p,s)  NUMERIC(p,s)      NUMERIC (SQLite keeps no exact decimals: 8-byte REAL or
//                                   INTEGER; store money as integer cents for exactness)
//   float32       REAL              REAL
//   float64       DOUBLE            REAL
//   string(n)     VARCHAR(n)        TEXT (SQLite does not enforce n)
//   text          TEXT              TEXT
//   binary(n)     BLOB / BLOB(n)    BLOB
//   date          DATE              NUMERIC: ISO-8601 text is not numeric and stays TEXT
//   time          TIME              NUMERIC, as above
//   datetime      DATETIME          NUMERIC, as above
//   timestamp_tz  TIMESTAMPTZ       NUMERIC, as above ("+02:00" suffixed ISO-8601 text)
//   uuid          UUID TEXT         TEXT: a bare "UUID" would be NUMERIC and turn a digits-only
//                                   hex form (the nil UUID) into a number
//   json          JSON TEXT         TEXT: a bare "JSON" would be NUMERIC and rewrite a top-level
//                                   number document ("1.50" -> 1.5)
//   custom        the store type verbatim
std::string SqliteDialect::type_sql(const Type& type) const {
  if (!type.store_type.empty()) return type.store_type;
  switch (type.kind) {
    case TypeKind::boolean:
      return "BOOLEAN";
    case TypeKind::int16:
      return "SMALLINT";
    case TypeKind::int32:
      return "INT";
    case TypeKind::int64:
      return "BIGINT";
    case TypeKind::decimal:
      if (!type.precision) return "NUMERIC";
      if (!type.scale) return fmt::format("NUMERIC({})", *type.precision);
      return fmt::format("NUMERIC({},{})", *type.precision, *type.scale);
    case TypeKind::float32:
      return "REAL";
    case TypeKind::float64:
      return "DOUBLE";
    case TypeKind::string:
      return type.length ? fmt::format("VARCHAR({})", *type.length) : "VARCHAR";
    case TypeKind::text:
      return "TEXT";
    case TypeKind::binary:
      return type.length ? fmt::format("BLOB({})", *type.length) : "BLOB";
    case TypeKind::date:
      return "DATE";
    case TypeKind::time:
      return "TIME";
    case TypeKind::datetime:
      return "DATETIME";
    case TypeKind::timestamp_tz:
      return "TIMESTAMPTZ";
    case TypeKind::uuid:
      return "UUID TEXT";
    case TypeKind::json:
      return "JSON TEXT";
    case TypeKind::custom:
      break;
  }
  throw Error(
      ErrorCode::invalid_schema,
      fmt::format("sqlite cannot map type {}: a custom type needs a store type", describe(type)),
      "use Type::raw(\"<sqlite type>\")");
}

}  // namespace migcmd::sqlite
