#pragma once
// How portable types map to SQL Server store types, and what those types allow.

#include <string>

#include "migcmd/schema/type.hpp"

namespace migcmd::sqlserver::tsql {

// nvarchar holds up to 4000 characters inline, varbinary up to 8000 bytes; beyond that the
// (max) variants store up to 2 GB.
inline constexpr int max_nvarchar_length = 4000;
inline constexpr int max_varbinary_length = 8000;

// The store type: bit, int, nvarchar(100), nvarchar(max), datetimeoffset... or the raw store type.
// Throws Error(unsupported_operation) for a decimal precision SQL Server lacks.
[[nodiscard]] std::string store_type(const Type& type);

// (max) types, text, ntext, image and xml cannot be keys of an index, primary key or unique
// constraint.
[[nodiscard]] bool is_large_object(const Type& type);

// True when ALTER COLUMN may change `from` to `to` while an index or unique constraint covers
// the column: only a same-kind nvarchar/varbinary that keeps or grows its length, and is still
// not a (max) type. Everything else needs the index dropped and created again.
[[nodiscard]] bool keeps_index_keys(const Type& from, const Type& to);

}  // namespace migcmd::sqlserver::tsql
