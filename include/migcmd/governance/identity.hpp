#pragma once
// Who is acting. An embedding application passes its own IdentityProvider (its SSO user and the
// groups the provider vouches for); the CLI uses --as, else $MIGCMD_USER, else the OS user.
//
// The CLI trusts its environment: whoever can run it can say --as. Deployments that need a proven
// identity run migcmd inside a platform that sets the identity (an IdentityProvider over SSO, or a
// CI job whose MIGCMD_USER only the platform controls).

#include <optional>
#include <string>
#include <vector>

namespace migcmd::governance {

struct Identity {
  std::string user;
  // Extra roles the provider vouches for (e.g. SSO groups), added to those migcmd.json gives the
  // user. Names that are not roles of the project are ignored.
  std::vector<std::string> roles;
  std::string source;  // where it came from: "--as", "MIGCMD_USER", "os", "sso", "fixed"...
};

class IdentityProvider {
 public:
  virtual ~IdentityProvider() = default;
  [[nodiscard]] virtual Identity current() const = 0;
};

// The user running the process (getpwuid of the effective uid, else $USER / $LOGNAME).
class OsUserIdentityProvider final : public IdentityProvider {
 public:
  [[nodiscard]] Identity current() const override;
};

// Always the same identity: tests, and applications that resolved the user themselves.
class FixedIdentityProvider final : public IdentityProvider {
 public:
  explicit FixedIdentityProvider(Identity identity) : identity_(std::move(identity)) {}
  [[nodiscard]] Identity current() const override { return identity_; }

 private:
  Identity identity_;
};

// The CLI rule: `as_user` (from --as) when given, else $MIGCMD_USER when set and not empty, else
// the OS user. Throws Error(usage) for an empty --as or when no user can be found at all.
[[nodiscard]] Identity cli_identity(const std::optional<std::string>& as_user);

}  // namespace migcmd::governance
