#include "cli/keep_changes_connection.hpp"

#include <exception>

namespace migcmd::cli {

void KeepChangesConnection::rollback() {
  if (std::uncaught_exceptions() > 0) {
    inner_.rollback();
  } else {
    inner_.commit();
  }
}

}  // namespace migcmd::cli
