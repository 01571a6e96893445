// The convergence pairs on SQLite, each in a database file of its own.

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "convergence/convergence_runner.hpp"
#include "migcmd/providers/sqlite.hpp"

namespace migcmd::convergence {
namespace {

class SqliteFile final : public PairDatabase {
 public:
  explicit SqliteFile(const Provider& provider) {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("migcmd-conv-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    std::filesystem::remove(path_);
    connection_ = provider.connect("sqlite:" + path_.string());
  }
  ~SqliteFile() override {
    connection_.reset();  // closes the file before it is removed
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  SqliteFile(const SqliteFile&) = delete;
  SqliteFile& operator=(const SqliteFile&) = delete;

  Connection& connection() override { return *connection_; }
  // SQLite has no schemas: the pairs that need one are left out.
  std::string namespace_name() const override { return extra_namespace; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<Connection> connection_;
};

TEST_CASE("the differ's operations turn every current schema into the desired one on SQLite") {
  const auto provider = sqlite::make_provider();
  Target target;
  target.name = "sqlite";
  target.provider = provider.get();
  target.traits.capabilities = provider->dialect().capabilities();
  target.traits.collation = "NOCASE";
  target.fresh = [&] { return std::make_unique<SqliteFile>(*provider); };
  const RunSummary summary = run_convergence(target);
  REQUIRE(summary.with_operations >= 100);
}

}  // namespace
}  // namespace migcmd::convergence
