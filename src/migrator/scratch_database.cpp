#include "migcmd/scratch_database.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <random>

namespace migcmd {

DroppingScratchDatabase::DroppingScratchDatabase(std::unique_ptr<Connection> connection,
                                                 std::string description, std::string drop_sql)
    : connection_(std::move(connection)),
      description_(std::move(description)),
      drop_sql_(std::move(drop_sql)) {}

DroppingScratchDatabase::~DroppingScratchDatabase() {
  // A destructor cannot report; a scratch space left behind carries its creator's pid in its name
  // and is harmless to drop by hand.
  try {
    if (!drop_sql_.empty()) connection_->execute(drop_sql_);
  } catch (...) {
  }
}

std::string scratch_name() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return fmt::format("migcmd_scratch_{}_{}_{:04x}", getpid(), ++counter, random() & 0xffffu);
}

}  // namespace migcmd
