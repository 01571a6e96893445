#include "migcmd/migration_script.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "migcmd/error.hpp"

namespace migcmd {
namespace {

// The segment of `version` starting at `from` (up to the next '.' or '_'); `from` moves past it.
// A version with fewer segments reads as "0" after its end. No allocation: the comparison runs
// n log n times when a large project's migrations are sorted.
std::string_view next_segment(std::string_view version, std::size_t& from) {
  if (from > version.size()) return "0";
  std::size_t end = from;
  while (end < version.size() && version[end] != '.' && version[end] != '_') ++end;
  std::string_view out = version.substr(from, end - from);
  from = end + 1;
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view strip_zeros(std::string_view s) {
  while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
  return s;
}

}  // namespace

std::string MigrationScript::display_name() const {
  if (kind == MigrationKind::repeatable) return "R__" + name;
  return name.empty() ? version : version + "_" + name;
}

int compare_versions(std::string_view a, std::string_view b) {
  std::size_t at_a = 0, at_b = 0;
  while (at_a <= a.size() || at_b <= b.size()) {
    // A missing segment counts as zero: "1.2" == "1.2.0".
    std::string_view x = next_segment(a, at_a);
    std::string_view y = next_segment(b, at_b);
    if (all_digits(x) && all_digits(y)) {
      x = strip_zeros(x);
      y = strip_zeros(y);
      // Arbitrary length numbers: longer is larger, then digit by digit.
      if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    }
    if (int c = x.compare(y); c != 0) return c < 0 ? -1 : 1;
  }
  return 0;
}

namespace {

bool runs_before(const MigrationScript& a, const MigrationScript& b) {
  if (a.kind != b.kind) return a.kind == MigrationKind::versioned;
  if (a.kind == MigrationKind::repeatable) return a.name < b.name;
  return compare_versions(a.version, b.version) < 0;
}

}  // namespace

bool migrations_in_order(const std::vector<MigrationScript>& scripts) {
  // Strictly increasing: not sorted, or two the same, fails.
  return std::adjacent_find(scripts.begin(), scripts.end(),
                            [](const MigrationScript& a, const MigrationScript& b) {
                              return !runs_before(a, b);
                            }) == scripts.end();
}

void sort_migrations(std::vector<MigrationScript>& scripts) {
  // Lists come sorted from the loaders and registries: checking is n comparisons, sorting moves
  // whole scripts around n log n times.
  if (migrations_in_order(scripts)) return;
  std::stable_sort(scripts.begin(), scripts.end(), runs_before);
  for (std::size_t i = 1; i < scripts.size(); ++i) {
    const auto& a = scripts[i - 1];
    const auto& b = scripts[i];
    if (runs_before(a, b)) continue;  // sorted: otherwise they are the same
    throw Error(
        ErrorCode::invalid_migration,
        fmt::format("two migrations have {} {}: {} and {}",
                    a.kind == MigrationKind::versioned ? "version" : "the name",
                    a.kind == MigrationKind::versioned ? a.version : a.name, a.source, b.source),
        "give each migration its own version");
  }
}

}  // namespace migcmd
