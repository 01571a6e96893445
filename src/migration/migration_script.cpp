#include "migcmd/migration_script.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "migcmd/error.hpp"

namespace migcmd {
namespace {

std::vector<std::string_view> segments(std::string_view version) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= version.size(); ++i) {
    if (i == version.size() || version[i] == '.' || version[i] == '_') {
      out.push_back(version.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
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
  auto sa = segments(a), sb = segments(b);
  for (std::size_t i = 0; i < std::max(sa.size(), sb.size()); ++i) {
    // A missing segment counts as zero: "1.2" == "1.2.0".
    std::string_view x = i < sa.size() ? sa[i] : "0";
    std::string_view y = i < sb.size() ? sb[i] : "0";
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

void sort_migrations(std::vector<MigrationScript>& scripts) {
  std::stable_sort(scripts.begin(), scripts.end(),
                   [](const MigrationScript& a, const MigrationScript& b) {
                     if (a.kind != b.kind) return a.kind == MigrationKind::versioned;
                     if (a.kind == MigrationKind::repeatable) return a.name < b.name;
                     return compare_versions(a.version, b.version) < 0;
                   });
  for (std::size_t i = 1; i < scripts.size(); ++i) {
    const auto& a = scripts[i - 1];
    const auto& b = scripts[i];
    bool same = a.kind == b.kind &&
                (a.kind == MigrationKind::versioned ? compare_versions(a.version, b.version) == 0
                                                    : a.name == b.name);
    if (same) {
      throw Error(
          ErrorCode::invalid_migration,
          fmt::format("two migrations have {} {}: {} and {}",
                      a.kind == MigrationKind::versioned ? "version" : "the name",
                      a.kind == MigrationKind::versioned ? a.version : a.name, a.source, b.source),
          "give each migration its own version");
    }
  }
}

}  // namespace migcmd
