// The C++ renderer against golden files, and the golden files compiled back: each generated
// migration's up() and down() must build exactly the operations it was rendered from.
// MIGCMD_UPDATE_GOLDEN=1 rewrites the files (then rebuild, and review the diff).

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "migcmd/error.hpp"
#include "migcmd/scaffold.hpp"
#include "scaffold/golden/all.hpp"
#include "scaffold/golden/registration.hpp"
#include "scaffold/golden/registration_empty.hpp"
#include "scaffold/scaffold_cases.hpp"

namespace fs = std::filesystem;
using migcmd::test::scaffold_cases;
using migcmd::test::ScaffoldCase;

namespace {

const fs::path golden_dir = MIGCMD_SCAFFOLD_GOLDEN_DIR;
constexpr const char* golden_version = "20250101000000";

bool updating() {
  return std::getenv("MIGCMD_UPDATE_GOLDEN") != nullptr;
}

std::string render(const ScaffoldCase& c) {
  return migcmd::render_cpp_migration(
      {golden_version, c.name, migcmd::migration_class_name(c.name), c.up, c.down, "golden"});
}

std::string render_index(const std::vector<ScaffoldCase>& cases) {
  std::string out =
      "// Every C++ golden migration by case name, compiled into scaffold_test. Written by the\n"
      "// test with MIGCMD_UPDATE_GOLDEN=1.\n\n#pragma once\n\n#include <memory>\n#include "
      "<string>\n#include <utility>\n#include <vector>\n\n";
  for (const auto& c : cases) out += fmt::format("#include \"{}.hpp\"\n", c.name);
  out +=
      "\nnamespace golden {\n\n"
      "inline std::vector<std::pair<std::string, std::shared_ptr<migcmd::Migration>>> "
      "all_migrations() {\n  return {\n";
  for (const auto& c : cases) {
    out += fmt::format("      {{\"{}\", std::make_shared<{}>()}},\n", c.name,
                       migcmd::migration_class_name(c.name));
  }
  return out + "  };\n}\n\n}  // namespace golden\n";
}

// migrations.hpp as `add` writes it, for three of the goldens.
const std::vector<migcmd::CppMigrationEntry> registered = {
    {"20250101000001", "sample_create_table", "SampleCreateTable", "sample_create_table.hpp"},
    {"20250101000002", "realistic_shop_create", "RealisticShopCreate", "realistic_shop_create.hpp"},
    {"20250101000003", "design_time_shop_evolve", "DesignTimeShopEvolve",
     "design_time_shop_evolve.hpp"},
};

std::string read(const fs::path& path, bool& found) {
  std::ifstream in(path, std::ios::binary);
  found = static_cast<bool>(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The first line where the texts differ, for a readable failure.
std::string first_difference(const std::string& actual, const std::string& expected) {
  std::istringstream a(actual), e(expected);
  std::string la, le;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_e = static_cast<bool>(std::getline(e, le));
    if (!more_a && !more_e) return "identical";
    if (!more_a || !more_e || la != le) {
      return fmt::format("line {}:\n  rendered: {}\n  golden:   {}", line, more_a ? la : "<end>",
                         more_e ? le : "<end>");
    }
  }
}

void check_file(const fs::path& path, const std::string& actual) {
  if (updating()) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << actual;
    return;
  }
  bool found = false;
  const std::string expected = read(path, found);
  INFO("golden file ", path.string());
  CHECK_MESSAGE(found, "golden file missing; run with MIGCMD_UPDATE_GOLDEN=1, rebuild, review");
  if (found) CHECK_MESSAGE(actual == expected, first_difference(actual, expected));
}

std::string listing(const migcmd::OperationList& ops) {
  std::string out;
  for (const auto& op : ops) out += "\n  " + migcmd::describe(op);
  return out;
}

// The operations a list of the compiled migration's method builds.
template <typename F>
migcmd::OperationList build(const std::string& name, F&& method) {
  migcmd::MigrationBuilder builder(name);
  method(builder);
  return builder.operations();
}

template <std::size_t... I>
std::set<std::string> all_kinds(std::index_sequence<I...>) {
  return {std::string(migcmd::kind_name(migcmd::Operation{std::in_place_index<I>}))...};
}

}  // namespace

TEST_CASE("every case renders as its golden C++ file") {
  const auto cases = scaffold_cases();
  std::set<std::string> expected_files{"all.hpp", "registration.hpp", "registration_empty.hpp"};
  for (const auto& c : cases) {
    expected_files.insert(c.name + ".hpp");
    check_file(golden_dir / (c.name + ".hpp"), render(c));
  }
  check_file(golden_dir / "all.hpp", render_index(cases));
  check_file(golden_dir / "registration.hpp",
             migcmd::render_cpp_migrations_index(registered, "golden"));
  check_file(golden_dir / "registration_empty.hpp",
             migcmd::render_cpp_migrations_index({}, "golden::empty"));
  for (const auto& entry : fs::directory_iterator(golden_dir)) {
    const std::string file = entry.path().filename().string();
    if (expected_files.count(file) != 0) continue;
    if (updating()) {
      fs::remove(entry.path());
    } else {
      FAIL_CHECK("golden file ", file, " belongs to no case; remove it");
    }
  }
}

TEST_CASE("the compiled golden migrations build exactly the operations they came from") {
  std::map<std::string, std::shared_ptr<migcmd::Migration>> compiled;
  for (auto& [name, migration] : golden::all_migrations()) compiled[name] = migration;
  const auto cases = scaffold_cases();
  for (const auto& c : cases) {
    INFO("case ", c.name);
    const auto it = compiled.find(c.name);
    REQUIRE_MESSAGE(it != compiled.end(), "not compiled in: update the goldens and rebuild");
    migcmd::Migration& migration = *it->second;

    const auto up = build(c.name, [&](migcmd::MigrationBuilder& b) { migration.up(b); });
    CHECK_MESSAGE(up == c.up, "up() builds:", listing(up), "\nexpected:", listing(c.up));

    if (c.down) {
      const auto down = build(c.name, [&](migcmd::MigrationBuilder& b) { migration.down(b); });
      CHECK_MESSAGE(down == *c.down, "down() builds:", listing(down),
                    "\nexpected:", listing(*c.down));
      continue;
    }
    // No down() was written: the base class derives it from the checked up(), or refuses.
    std::optional<migcmd::ErrorCode> refused;
    migcmd::OperationList expected;
    try {
      migcmd::MigrationBuilder forward(c.name);
      for (const auto& op : c.up) forward.append(op);
      expected = migcmd::reverse(forward.build());
    } catch (const migcmd::Error& e) {
      refused = e.code();
    }
    if (!refused) {
      CHECK(build(c.name, [&](migcmd::MigrationBuilder& b) { migration.down(b); }) == expected);
      continue;
    }
    migcmd::MigrationBuilder b(c.name);
    try {
      migration.down(b);
      FAIL_CHECK("down() did not refuse an up() it cannot reverse");
    } catch (const migcmd::Error& e) {
      CHECK(e.code() == *refused);
    }
  }
  CHECK(compiled.size() == cases.size());
}

TEST_CASE("the golden cases cover every operation kind, in up() and in down()") {
  std::set<std::string> in_up, in_down;
  for (const auto& c : scaffold_cases()) {
    for (const auto& op : c.up) in_up.insert(std::string(migcmd::kind_name(op)));
    if (c.down) {
      for (const auto& op : *c.down) in_down.insert(std::string(migcmd::kind_name(op)));
    }
  }
  for (const auto& kind :
       all_kinds(std::make_index_sequence<std::variant_size_v<migcmd::Operation>>{})) {
    INFO("operation kind ", kind);
    CHECK(in_up.count(kind) == 1);
  }
  CHECK(in_down.count("drop_table") == 1);
  CHECK(in_down.count("create_table") == 1);
}

TEST_CASE("generated C++ stays within 100 columns except inside long literals") {
  for (const auto& c : scaffold_cases()) {
    std::istringstream text(render(c));
    std::string line;
    int number = 0;
    while (std::getline(text, line)) {
      ++number;
      if (line.size() <= 100) continue;
      // A line that is long only because one literal is: nothing could break it.
      std::size_t longest = 0;
      for (std::size_t q = line.find('"'); q != std::string::npos;) {
        const std::size_t end = line.find('"', q + 1);
        if (end == std::string::npos) break;
        longest = std::max(longest, end - q + 1);
        q = line.find('"', end + 1);
      }
      INFO("case ", c.name, " line ", number, ": ", line);
      CHECK(longest > 40);
    }
  }
}

TEST_CASE("the generated index header registers its migrations in order") {
  migcmd::MigrationRegistry registry;
  golden::register_migrations(registry);
  const auto scripts = registry.scripts();  // builds and checks every up()
  REQUIRE(scripts.size() == registered.size());
  const auto cases = scaffold_cases();
  for (std::size_t i = 0; i < scripts.size(); ++i) {
    INFO(registered[i].name);
    CHECK(scripts[i].version == registered[i].version);
    CHECK(scripts[i].name == registered[i].name);
    const auto c = std::find_if(cases.begin(), cases.end(),
                                [&](const ScaffoldCase& x) { return x.name == scripts[i].name; });
    REQUIRE(c != cases.end());
    CHECK(migcmd::up_operations(*scripts[i].code, scripts[i].display_name()) == c->up);
  }
  migcmd::MigrationRegistry none;
  golden::empty::register_migrations(none);
  CHECK(none.scripts().empty());
}

TEST_CASE("render_cpp_operations: the builder's name and the indentation are the caller's") {
  migcmd::Table table;
  table.name = "users";
  table.columns = {{"id", migcmd::Type::int64(), false, {}, true}};
  table.triggers = {{"trg", "CREATE TRIGGER trg AFTER INSERT ON users BEGIN SELECT 1; END"}};
  const migcmd::OperationList ops = {
      migcmd::CreateTable{table},
      migcmd::DropUnique{"users", "uq", migcmd::UniqueConstraint{"uq", {"id"}}}};
  const std::string code = migcmd::render_cpp_operations(ops, "mb", 2);
  CHECK(code.rfind(
            "  {\n    migcmd::Table table = migcmd::define_table(\"users\", "
            "[](migcmd::TableBuilder& t) {\n      t.column<std::int64_t>(\"id\").identity();\n",
            0) == 0);
  CHECK(code.find("    mb.append(migcmd::CreateTable{std::move(table)});\n  }\n") !=
        std::string::npos);
  CHECK(code.find("\n  mb.append(migcmd::DropUnique{\n      .table = \"users\",\n") !=
        std::string::npos);
  // A builder named t: the table builder takes another name.
  const std::string t =
      migcmd::render_cpp_operations({migcmd::CreateTable{migcmd::Table{"x"}}}, "t");
  CHECK(t == "    t.create_table(\"x\", [](migcmd::TableBuilder&) {});\n");
  migcmd::Table one{"y"};
  one.columns = {{"id", migcmd::Type::int32()}};
  CHECK(migcmd::render_cpp_operations({migcmd::CreateTable{one}}, "t", 0) ==
        "t.create_table(\"y\", [](migcmd::TableBuilder& table) {\n"
        "  table.column<std::int32_t>(\"id\");\n"
        "});\n");
  CHECK(migcmd::render_cpp_operations({}).empty());
}
