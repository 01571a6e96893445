#pragma once
// How portable types map to MySQL store types, and what the server allows each to do.
//
// boolean TINYINT(1), int16 SMALLINT, int32 INT, int64 BIGINT, decimal(p,s) DECIMAL(p,s),
// float32 FLOAT, float64 DOUBLE, string(n) VARCHAR(n), text LONGTEXT, binary(n) VARBINARY(n),
// binary LONGBLOB, date DATE, time TIME(6), datetime DATETIME(6), uuid CHAR(36), json JSON
// (MariaDB: LONGTEXT with a json_valid check).
// timestamp_tz is TIMESTAMP(6): MySQL has no type that keeps a zone. TIMESTAMP converts from the
// session time zone to UTC when stored and back when read, so an instant survives a change of
// session zone (DATETIME would not); connect() pins sessions to UTC. Its range ends in 2038.
// Fractional seconds are kept to the microsecond, as PostgreSQL does.

#include <optional>
#include <string>

#include "migcmd/schema/type.hpp"

namespace migcmd::mysql {

// The store type, or Rejection when the type cannot be expressed (a VARCHAR too long for
// utf8mb4, a DECIMAL without precision...).
[[nodiscard]] std::string store_type_sql(const Type& type);

// Bytes the type takes in an InnoDB index key, 0 when unknown (a raw store type), or
// std::nullopt when it cannot be indexed whole (TEXT, BLOB, JSON: they need a prefix length).
[[nodiscard]] std::optional<int> key_bytes(const Type& type);

// TEXT, BLOB and JSON: no plain literal DEFAULT (MySQL takes only an expression in parentheses)
// and no index without a prefix length.
[[nodiscard]] bool is_large_object(const Type& type);

// The integer types AUTO_INCREMENT accepts (not boolean's TINYINT(1)).
[[nodiscard]] bool is_auto_increment_type(const Type& type);

// DATETIME(6) / TIMESTAMP(6) as this dialect renders them: CURRENT_TIMESTAMP defaults need the
// same fractional precision.
[[nodiscard]] bool is_fractional_datetime(const Type& type);

// TIMESTAMP columns, which take an implicit NOT NULL DEFAULT CURRENT_TIMESTAMP when
// explicit_defaults_for_timestamp is off and nullability is not spelled out.
[[nodiscard]] bool is_timestamp(const Type& type);

// The most bytes of an InnoDB index key (DYNAMIC row format, 16 KiB pages).
inline constexpr int max_key_bytes = 3072;

}  // namespace migcmd::mysql
