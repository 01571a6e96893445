#pragma once
// The JSON writers of the schema model's parts (internal), shared by schema snapshots and the
// canonical form of operations.

#include <nlohmann/json.hpp>

#include "migcmd/schema.hpp"

namespace migcmd::detail {

[[nodiscard]] nlohmann::ordered_json type_json(const Type& type);
[[nodiscard]] nlohmann::ordered_json name_json(const QualifiedName& name);
[[nodiscard]] nlohmann::ordered_json column_json(const Column& column);
[[nodiscard]] nlohmann::ordered_json foreign_key_json(const ForeignKey& key);
[[nodiscard]] nlohmann::ordered_json index_json(const Index& index);
[[nodiscard]] nlohmann::ordered_json table_json(const Table& table);

}  // namespace migcmd::detail
