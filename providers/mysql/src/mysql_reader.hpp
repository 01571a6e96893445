#pragma once
// The schema reader: information_schema back into the portable model (mysql_reader.cpp), and the
// mapping of catalog text to types, defaults and check expressions (mysql_reader_mapping.cpp).
// Written against MariaDB 10.5+ (CHECK_CONSTRAINTS with TABLE_NAME and LEVEL).

#include <optional>
#include <string>
#include <string_view>

#include "migcmd/connection.hpp"
#include "migcmd/schema.hpp"
#include "migcmd/schema_reader.hpp"

namespace migcmd::mysql {

// Six catalog queries whatever the number of tables.
[[nodiscard]] Schema read_catalog(Connection& connection, const ReadOptions& options);

// COLUMNS.COLUMN_TYPE ("varchar(120)", "bigint(20)", "timestamp(6)") as the portable type this
// dialect renders to it, else Type::raw(column_type). LONGTEXT stays text: JSON is recognised by
// its json_valid check (read_catalog).
[[nodiscard]] Type type_from_catalog(std::string_view column_type);

// COLUMNS.COLUMN_DEFAULT as MariaDB formats it ("'n/a'", "0.00", "current_timestamp(6)", NULL or
// the text NULL when there is none) for a column of `type`.
[[nodiscard]] std::optional<ColumnDefault> default_from_catalog(
    const std::optional<std::string>& text, const Type& type);

// CHECK_CONSTRAINTS.CHECK_CLAUSE with the quotes MariaDB adds around plain identifiers removed
// and any outer parentheses stripped: "`amount` >= 0" -> "amount >= 0". MariaDB lowers keywords
// ("between", "and"): reserved words are upper-cased again ("score BETWEEN 1 AND 5"). Other
// rewrites (spacing, "1+2" -> "1 + 2") stay.
[[nodiscard]] std::string check_from_catalog(std::string_view clause);

}  // namespace migcmd::mysql
