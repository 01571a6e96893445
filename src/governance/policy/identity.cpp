#include "migcmd/governance/identity.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "migcmd/error.hpp"

namespace migcmd::governance {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string(value) : std::string();
}

std::string os_user_name() {
  // getpwuid_r: the buffer is ours, so this stays safe with other threads about.
  long size = sysconf(_SC_GETPW_R_SIZE_MAX);
  std::vector<char> buffer(static_cast<std::size_t>(size > 0 ? size : 16384));
  passwd entry{};
  passwd* found = nullptr;
  if (getpwuid_r(geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
      found->pw_name && *found->pw_name) {
    return found->pw_name;
  }
  if (auto user = env("USER"); !user.empty()) return user;
  return env("LOGNAME");
}

}  // namespace

Identity OsUserIdentityProvider::current() const {
  Identity identity;
  identity.user = os_user_name();
  identity.source = "os";
  if (identity.user.empty()) {
    throw Error(ErrorCode::usage, "cannot tell which OS user is running migcmd",
                "pass --as NAME or set MIGCMD_USER");
  }
  return identity;
}

Identity cli_identity(const std::optional<std::string>& as_user) {
  if (as_user) {
    if (as_user->empty()) {
      throw Error(ErrorCode::usage, "--as needs a user name", "e.g. --as alice");
    }
    return Identity{*as_user, {}, "--as"};
  }
  if (auto user = env("MIGCMD_USER"); !user.empty()) return Identity{user, {}, "MIGCMD_USER"};
  return OsUserIdentityProvider().current();
}

}  // namespace migcmd::governance
