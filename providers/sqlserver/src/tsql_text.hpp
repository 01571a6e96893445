#pragma once
// T-SQL lexical rules: delimited identifiers, Unicode string literals and value literals. Every
// piece of text that reaches SQL Server from a name or a value goes through these functions.

#include <string>
#include <string_view>

#include "migcmd/value.hpp"

namespace migcmd::sqlserver::tsql {

// SQL Server's limit for identifiers, counted in UTF-16 code units.
inline constexpr std::size_t max_identifier_length = 128;

// [name] with "]" doubled. Throws Error(invalid_migration) for an empty name, a NUL character, a
// backslash before a line break (T-SQL drops both as a line continuation inside string literals,
// which would change the name wherever it is passed as a string) or more than 128 characters.
[[nodiscard]] std::string quote(std::string_view identifier);

// N'text' with "'" doubled. A NUL character becomes NCHAR(0) and a backslash before a line
// break is split into a separate literal, joined with "+" in parentheses: T-SQL has no escape for
// either. Only a name already checked by quote() is guaranteed to give a single N'...' constant,
// which is what EXEC procedure arguments require.
[[nodiscard]] std::string unicode_literal(std::string_view text);

// NULL, 1/0, numbers, N'...' strings and 0x... bytes. Throws Error(unsupported_operation) for NaN
// and infinities, which SQL Server's float cannot hold.
[[nodiscard]] std::string value_literal(const Value& value);

// The length of `text` in UTF-16 code units, as SQL Server counts nvarchar characters.
[[nodiscard]] std::size_t utf16_length(std::string_view text) noexcept;

}  // namespace migcmd::sqlserver::tsql
