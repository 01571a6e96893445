#pragma once
// Registration of code migrations: one line each, no static-initialisation magic.
//
//   migcmd::MigrationRegistry registry;
//   registry.add<CreateUsers>("20250114120000", "create_users", {.author = "ada"});

#include <memory>
#include <string>
#include <vector>

#include "migcmd/migration_script.hpp"

namespace migcmd {

class MigrationRegistry {
 public:
  template <typename M>
  MigrationRegistry& add(std::string version, std::string name, MigrationMetadata metadata = {}) {
    return add(std::move(version), std::move(name), std::make_shared<M>(), std::move(metadata));
  }
  MigrationRegistry& add(std::string version, std::string name,
                         std::shared_ptr<Migration> migration, MigrationMetadata metadata = {});

  // The registered migrations with their checksums (computed from their operations).
  [[nodiscard]] std::vector<MigrationScript> scripts() const;

 private:
  std::vector<MigrationScript> scripts_;
};

// The checksum of a code migration: SHA-256 of a canonical text of its up() operations, so it is
// the same on every database and changes only when the operations do.
[[nodiscard]] std::string operations_checksum(const OperationList& ops);

}  // namespace migcmd
