#include "sqlite_reader/reader_fixture.hpp"

#include <unistd.h>

#include "migcmd/providers/sqlite.hpp"

namespace migcmd::test::sqlite_reader {

FreshDatabase::FreshDatabase() {
  static int counter = 0;
  dir_ = std::filesystem::temp_directory_path() /
         ("migcmd-slreader-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  provider_ = migcmd::sqlite::make_provider();
  connection_ = provider_->connect("sqlite:" + (dir_ / "test.db").string());
}

FreshDatabase::~FreshDatabase() {
  connection_.reset();  // closes the file before it is removed
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void FreshDatabase::create(const Schema& schema) {
  run_commands(*connection_, dialect().generate(create_operations(schema)));
}

Schema FreshDatabase::read(const ReadOptions& options) {
  return provider_->read_schema(*connection_, options);
}

std::string describe_diff(const SchemaDiff& diff) {
  std::string out;
  for (const auto& op : diff.operations) out += describe(op) + "\n";
  return out;
}

}  // namespace migcmd::test::sqlite_reader
