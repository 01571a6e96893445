#pragma once
// The PostgreSQL store type of each portable type (internal).

#include <string>

#include "migcmd/schema/type.hpp"

namespace migcmd::postgres {

// The store type: the raw store type when one is given, else the mapping.
[[nodiscard]] std::string type_sql(const Type& type);

// The type to cast to in ALTER COLUMN ... TYPE t USING c::<this>. An explicit cast to a
// length-limited character type truncates silently, while the assignment ALTER TYPE applies to
// the USING result fails on a value that is too long; so for varchar(n) / char(n) this is the
// unbounded type and the length is checked, not cut.
[[nodiscard]] std::string using_cast_type(const Type& type);

// False only for portable types PostgreSQL cannot give a collation (numbers, dates, bytes...).
[[nodiscard]] bool may_have_collation(const Type& type);

// False only for portable types that are not integers: PostgreSQL identity columns must be
// smallint, integer or bigint. A raw store type is left to the server.
[[nodiscard]] bool may_be_identity(const Type& type);

}  // namespace migcmd::postgres
