#pragma once
// A private, empty place to replay migrations in, so that `diff` and `drift` can learn the schema
// a directory of SQL migrations produces. Made on a development database the user names (like
// Atlas's dev database), never on the target: a fresh schema (PostgreSQL), a fresh database
// (MySQL/MariaDB) or an in-memory database (SQLite), dropped with everything in it when this
// object is destroyed.

#include <string>

#include <memory>

#include "migcmd/connection.hpp"

namespace migcmd {

class ScratchDatabase {
 public:
  virtual ~ScratchDatabase() = default;

  // A connection whose unqualified names land in the scratch space, so the provider's reader with
  // default ReadOptions reads what was replayed there and names its tables without a schema.
  [[nodiscard]] virtual Connection& connection() = 0;
  // What was made, for messages: "schema migcmd_scratch_1234_1 on postgres://u:***@host/db".
  [[nodiscard]] virtual std::string description() const = 0;
};

// A ScratchDatabase over an open connection, dropped by running `drop_sql` at the end. Each
// provider's open_scratch builds one of these after creating the scratch space.
class DroppingScratchDatabase final : public ScratchDatabase {
 public:
  DroppingScratchDatabase(std::unique_ptr<Connection> connection, std::string description,
                          std::string drop_sql);
  ~DroppingScratchDatabase() override;
  DroppingScratchDatabase(const DroppingScratchDatabase&) = delete;
  DroppingScratchDatabase& operator=(const DroppingScratchDatabase&) = delete;

  [[nodiscard]] Connection& connection() override { return *connection_; }
  [[nodiscard]] std::string description() const override { return description_; }

 private:
  std::unique_ptr<Connection> connection_;
  std::string description_;
  std::string drop_sql_;
};

// A name no other run uses at the same time: migcmd_scratch_<pid>_<counter>_<random>.
[[nodiscard]] std::string scratch_name();

}  // namespace migcmd
