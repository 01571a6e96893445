#include "support/golden.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "migcmd/error.hpp"
#include "support/sample_operations.hpp"

namespace migcmd::test {
namespace {

std::string placement_note(const SqlCommand& c) {
  switch (c.placement) {
    case Placement::transaction:
      break;
    case Placement::no_transaction:
      return "-- outside any transaction\n";
    case Placement::before_transaction:
      return "-- before the transaction\n";
    case Placement::after_transaction:
      return "-- after the transaction\n";
  }
  return {};
}

template <std::size_t... I>
std::set<std::string> all_kinds(std::index_sequence<I...>) {
  return {std::string(kind_name(Operation{std::in_place_index<I>}))...};
}

std::string read_file(const std::string& path, bool& found) {
  std::ifstream in(path, std::ios::binary);
  found = static_cast<bool>(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::string golden_text(const SqlCommands& commands) {
  std::string out;
  for (const auto& c : commands) {
    out += placement_note(c);
    if (!c.fail_if_rows.empty())
      out += fmt::format("-- check, fails on any row: {}\n", c.fail_if_rows);
    out += c.sql + ";\n";
  }
  return out;
}

void check_golden(const Dialect& dialect, const std::string& golden_dir) {
  const bool update = std::getenv("MIGCMD_UPDATE_GOLDEN") != nullptr;
  std::set<std::string> covered;
  for (const auto& sample : sample_cases()) {
    for (const auto& op : sample.ops) covered.insert(std::string(kind_name(op)));
    std::string actual;
    try {
      actual = golden_text(dialect.generate(sample.ops, sample.before));
    } catch (const Error& e) {
      actual = fmt::format("-- error: {}\n", e.what());
    }
    const std::string path = fmt::format("{}/{}.sql", golden_dir, sample.name);
    if (update) {
      std::ofstream(path, std::ios::binary) << actual;
      continue;
    }
    bool found = false;
    std::string expected = read_file(path, found);
    INFO("dialect ", dialect.name(), ", case ", sample.name, ", golden file ", path);
    CHECK_MESSAGE(found, "golden file missing; run with MIGCMD_UPDATE_GOLDEN=1 and review it");
    if (found) CHECK(actual == expected);
  }
  auto expected_kinds = all_kinds(std::make_index_sequence<std::variant_size_v<Operation>>{});
  for (const auto& kind : expected_kinds) {
    INFO("operation kind ", kind);
    CHECK_MESSAGE(covered.count(kind) == 1, "no sample case covers this operation kind");
  }
}

}  // namespace migcmd::test
