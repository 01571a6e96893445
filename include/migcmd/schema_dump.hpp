#pragma once
// A schema as the SQL script that creates it, the way dbmate's schema.sql is kept under version
// control: deterministic (objects sorted by name, no timestamps), so the same schema always gives
// the same bytes and a change to the database shows as a small diff of the file.

#include <string>

#include "migcmd/dialect.hpp"
#include "migcmd/schema.hpp"

namespace migcmd {

// Every statement ends with ";" and a blank line; a one-line header names the dialect.
[[nodiscard]] std::string dump_schema(const Schema& schema, const Dialect& dialect);

// The schema with tables, and inside each table its keys, constraints and indexes, sorted by name
// (columns keep their order: it is part of the table).
[[nodiscard]] Schema sorted_schema(Schema schema);

}  // namespace migcmd
