#include "cli/offline_connection.hpp"

#include <fmt/format.h>

#include "migcmd/error.hpp"

namespace migcmd::cli {
namespace {

[[noreturn]] void refuse(std::string_view what) {
  throw Error(ErrorCode::internal,
              fmt::format("the offline script tried to use the database ({})", what));
}

}  // namespace

void OfflineConnection::execute(const std::string& sql, const std::vector<Value>&) {
  refuse(sql);
}

QueryResult OfflineConnection::query(const std::string& sql, const std::vector<Value>&) {
  refuse(sql);
}

void OfflineConnection::begin() {
  refuse("BEGIN");
}
void OfflineConnection::commit() {
  refuse("COMMIT");
}
void OfflineConnection::rollback() {
  refuse("ROLLBACK");
}

}  // namespace migcmd::cli
