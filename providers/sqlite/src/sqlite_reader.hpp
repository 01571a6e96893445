#pragma once
// The SQLite schema reader (Provider::read_schema) and its mapping of declared types and default
// texts back to the portable model.

#include <optional>
#include <string>
#include <string_view>

#include "migcmd/connection.hpp"
#include "migcmd/schema.hpp"
#include "migcmd/schema_reader.hpp"

namespace migcmd::sqlite {

// The "main" database's tables, with a constant number of queries (four) whatever their number.
[[nodiscard]] Schema read_schema(Connection& connection, const ReadOptions& options);

// The portable type the dialect renders as `declared` ("VARCHAR(120)" -> string(120), "UUID TEXT"
// -> uuid); Type::raw(declared) for any other declaration.
[[nodiscard]] Type type_from_declared(std::string_view declared);

// A default as pragma table_xinfo gives it: a literal becomes a Value (0 / 1 on a boolean column
// a bool), anything else a SqlExpression with the text as stored.
[[nodiscard]] ColumnDefault default_from_sql(std::string_view sql, const Type& column_type);

}  // namespace migcmd::sqlite
