#pragma once
// Identifier quoting and literals for PostgreSQL (internal). Every function throws
// Error(unsupported_operation) for input PostgreSQL cannot hold as written, instead of producing
// SQL the server would reject or silently alter.

#include <cstddef>
#include <string>
#include <string_view>

#include "migcmd/value.hpp"

namespace migcmd::postgres {

// NAMEDATALEN - 1: the server truncates longer identifiers without an error.
inline constexpr std::size_t max_identifier_bytes = 63;

// "name" with embedded " doubled. Rejects empty names, NUL and names over 63 bytes.
[[nodiscard]] std::string quote_identifier(std::string_view identifier);

// 'text' with ' doubled, or E'text' with \ also doubled when the text holds a backslash: the
// same string under standard_conforming_strings on and off. Rejects NUL.
[[nodiscard]] std::string string_literal(std::string_view text);

// decode('<hex>', 'hex'): no backslash, so no dependence on standard_conforming_strings.
[[nodiscard]] std::string bytes_literal(const Bytes& bytes);

// NULL, TRUE/FALSE, integers, doubles (NaN and infinities as 'NaN'::float8...), strings, bytes.
[[nodiscard]] std::string value_literal(const Value& value);

}  // namespace migcmd::postgres
