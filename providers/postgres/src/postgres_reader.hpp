#pragma once
// The PostgreSQL schema reader (internal): Provider::read_schema over pg_catalog, and the pure
// functions that turn the catalog's text back into the portable model (tested on their own).

#include <map>
#include <string>

#include "migcmd/connection.hpp"
#include "migcmd/schema.hpp"
#include "migcmd/schema_reader.hpp"

namespace migcmd::postgres {

// Reads the tables of the selected schemas with five catalog queries, whatever their number.
[[nodiscard]] Schema read_schema(Connection& connection, const ReadOptions& options);

// The portable type the dialect renders as `formatted` (format_type() text), else
// Type::raw(formatted).
[[nodiscard]] Type type_from_catalog(const std::string& formatted);

// A column default as pg_get_expr() prints it: a literal constant becomes a Value ("0",
// "'n/a'::character varying", "'-3'::integer", "true", "decode('00ff'::text, 'hex'::text)"),
// anything else a SqlExpression with the catalog's text.
[[nodiscard]] ColumnDefault default_from_catalog(const std::string& expression);

// A check, index expression or index predicate as pg_get_expr(..., true) prints it, with what
// the server added to what was written taken back out where that is certain to mean the same:
// one pair of parentheses around the whole, "::text" on a varchar column ("lower(email::text)"),
// the cast of an integer literal compared with a numeric or integer column
// ("amount >= 0::numeric", "c >= '-1'::integer::numeric") and "::text" on a string literal
// compared with a character column ("email <> ''::text"), and IN lists of literals stored as
// "= ANY (ARRAY[...])" / "<> ALL (ARRAY[...])". Re-parsing the result gives the same
// expression tree, so the server prints it again the same way. `column_types` maps the table's
// column names to their format_type() text.
[[nodiscard]] std::string normalise_expression(
    const std::string& expression, const std::map<std::string, std::string>& column_types);

}  // namespace migcmd::postgres
