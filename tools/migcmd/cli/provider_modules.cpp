// The tool's providers, each loaded as a module (libmigcmd-provider-<name>.so) the first time a
// command needs more of it than its name and URL schemes. Linking them all made every run load
// libpq, the MariaDB client and unixODBC with what they link (Kerberos, LDAP, GnuTLS...): a
// third of a no-op `migcmd up` on SQLite and 6 MB of its memory.

#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "cli/providers.hpp"
#include "migcmd/error.hpp"

namespace migcmd::cli {
namespace {

namespace fs = std::filesystem;

// The directory of the running executable; empty when /proc is not there.
fs::path executable_directory() {
  std::array<char, 4096> buffer{};
  const ssize_t length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  if (length <= 0) return {};
  return fs::path(std::string(buffer.data(), static_cast<std::size_t>(length))).parent_path();
}

// Beside the tool in a build tree, or where `cmake --install` puts them relative to bin/.
std::vector<fs::path> module_directories() {
  const fs::path here = executable_directory();
  if (here.empty()) return {MIGCMD_PROVIDER_MODULE_INSTALL_DIR};
  return {here, here / MIGCMD_PROVIDER_MODULE_DIR_FROM_BIN};
}

using ModuleEntry = void (*)(std::shared_ptr<const Provider>*);

std::shared_ptr<const Provider> load_module(const std::string& name) {
  const std::string file = fmt::format("libmigcmd-provider-{}.so", name);
  std::string tried, reason;
  for (const auto& directory : module_directories()) {
    const fs::path path = directory / file;
    tried += (tried.empty() ? "" : ", ") + path.string();
    std::error_code ec;
    if (!fs::exists(path, ec)) continue;
    // Never closed: the provider's objects (dialects, connections) live as long as the process.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      reason = ::dlerror();
      continue;
    }
    auto entry = reinterpret_cast<ModuleEntry>(::dlsym(handle, "migcmd_provider_module"));
    if (entry == nullptr) {
      reason = fmt::format("{} has no migcmd_provider_module", path.string());
      continue;
    }
    std::shared_ptr<const Provider> provider;
    entry(&provider);
    return provider;
  }
  throw Error(ErrorCode::internal,
              fmt::format("cannot load the {} provider: {}", name,
                          reason.empty() ? "no " + file + " in " + tried : reason),
              "reinstall migcmd: its provider modules belong beside it or in lib/migcmd");
}

// Stands for a provider until something other than its name or schemes is asked of it.
class ModuleProvider final : public Provider {
 public:
  ModuleProvider(std::string name, std::vector<std::string> schemes)
      : name_(std::move(name)), schemes_(std::move(schemes)) {}

  std::string_view name() const noexcept override { return name_; }
  std::vector<std::string> url_schemes() const override { return schemes_; }

  std::unique_ptr<Connection> connect(std::string_view url) const override {
    return loaded().connect(url);
  }
  const Dialect& dialect() const override { return loaded().dialect(); }
  std::unique_ptr<MigrationLock> acquire_lock(Connection& connection,
                                              const LockOptions& options) const override {
    return loaded().acquire_lock(connection, options);
  }
  bool supports(LockScope scope) const override { return loaded().supports(scope); }
  bool lock_is_transaction() const override { return loaded().lock_is_transaction(); }
  bool terminate_session(Connection& connection, const std::string& session_id) const override {
    return loaded().terminate_session(connection, session_id);
  }
  std::string session_id(Connection& connection) const override {
    return loaded().session_id(connection);
  }
  std::vector<std::string> statement_lock_timeout_sql(
      std::chrono::milliseconds timeout) const override {
    return loaded().statement_lock_timeout_sql(timeout);
  }
  bool is_lock_timeout(const DatabaseError& error) const override {
    return loaded().is_lock_timeout(error);
  }
  std::vector<std::string> deferred_commit_sql() const override {
    return loaded().deferred_commit_sql();
  }
  Schema read_schema(Connection& connection, const ReadOptions& options) const override {
    return loaded().read_schema(connection, options);
  }
  std::unique_ptr<ScratchDatabase> open_scratch(std::string_view dev_url) const override {
    return loaded().open_scratch(dev_url);
  }

 private:
  const Provider& loaded() const {
    std::call_once(once_, [&] {
      provider_ = load_module(name_);
      // The names here must be the module's own, or URLs would reach the wrong database.
      if (provider_->name() != name_ || provider_->url_schemes() != schemes_) {
        throw Error(ErrorCode::internal,
                    fmt::format("the {} provider module calls itself {}", name_, provider_->name()),
                    "reinstall migcmd: the tool and its modules come from different builds");
      }
    });
    return *provider_;
  }

  std::string name_;
  std::vector<std::string> schemes_;
  mutable std::once_flag once_;
  mutable std::shared_ptr<const Provider> provider_;
};

}  // namespace

ProviderRegistry builtin_providers() {
  ProviderRegistry registry;
  auto add = [&](std::string name, std::vector<std::string> schemes) {
    registry.add(std::make_shared<ModuleProvider>(std::move(name), std::move(schemes)));
  };
#ifdef MIGCMD_CLI_WITH_SQLITE
  add("sqlite", {"sqlite", "sqlite3"});
#endif
#ifdef MIGCMD_CLI_WITH_POSTGRES
  add("postgres", {"postgres", "postgresql"});
#endif
#ifdef MIGCMD_CLI_WITH_MYSQL
  add("mysql", {"mysql", "mariadb"});
#endif
#ifdef MIGCMD_CLI_WITH_SQLSERVER
  add("sqlserver", {"sqlserver", "odbc"});
#endif
  return registry;
}

}  // namespace migcmd::cli
