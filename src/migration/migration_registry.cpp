#include "migcmd/migration_registry.hpp"

#include "migcmd/checksum.hpp"
#include "operations/operation_json.hpp"

namespace migcmd {

std::string operations_checksum(const OperationList& ops) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& op : ops) list.push_back(detail::operation_json(op));
  return sha256_hex(list.dump());
}

MigrationRegistry& MigrationRegistry::add(std::string version, std::string name,
                                          std::shared_ptr<Migration> migration,
                                          MigrationMetadata metadata) {
  MigrationScript script;
  script.version = std::move(version);
  script.name = std::move(name);
  script.format = SourceFormat::code;
  script.source = "code:" + script.version + "_" + script.name;
  script.metadata = std::move(metadata);
  script.code = std::move(migration);
  scripts_.push_back(std::move(script));
  return *this;
}

std::vector<MigrationScript> MigrationRegistry::scripts() const {
  std::vector<MigrationScript> out = scripts_;
  for (auto& s : out) {
    // Building the operations checks them: a malformed migration fails here, naming itself.
    s.checksum = operations_checksum(up_operations(*s.code, s.display_name()));
    s.has_down = true;  // derived from up() when not written; checked when it is needed
  }
  sort_migrations(out);
  return out;
}

}  // namespace migcmd
