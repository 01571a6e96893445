// A migration class as a header, and the index header that registers the generated ones.

#include <fmt/format.h>

#include "migcmd/error.hpp"
#include "migcmd/scaffold.hpp"

namespace migcmd {
namespace {

constexpr std::string_view skeleton_up =
    "    // b.create_table(\"things\", [](migcmd::TableBuilder& t) {\n"
    "    //   t.column<std::int64_t>(\"id\").identity();\n"
    "    //   t.primary_key({\"id\"});\n"
    "    // });\n"
    "    (void)b;\n";

constexpr std::string_view derived_down =
    "  // down() is derived from up() when every operation can be reversed; override it\n"
    "  // otherwise:\n"
    "  // void down(migcmd::MigrationBuilder& b) override { ... }\n";

// Why reverse() refuses `ops`, if it does.
std::optional<std::string> irreversible(const OperationList& ops) {
  try {
    (void)reverse(ops);
    return std::nullopt;
  } catch (const Error& e) {
    return e.message();
  }
}

// `text` as "  // " comment lines within 100 columns, broken between words.
std::string comment(std::string_view text) {
  std::string out;
  std::string line = "  //";
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find(' ', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(begin, end - begin);
    if (line.size() > 4 && line.size() + 1 + word.size() > 100) {
      out += line + "\n";
      line = "  //";
    }
    line += " ";
    line += word;
    begin = end + 1;
  }
  return out + line + "\n";
}

std::string method(std::string_view name, const std::string& body) {
  if (body.empty())
    return fmt::format("  void {}(migcmd::MigrationBuilder&) override {{}}\n", name);
  return fmt::format("  void {}(migcmd::MigrationBuilder& b) override {{\n{}  }}\n", name, body);
}

// The standard headers the code uses, as a human would include them.
std::string std_includes(const std::string& code) {
  std::string out;
  if (code.find("std::int") != std::string::npos) out += "#include <cstdint>\n";
  if (code.find("std::numeric_limits") != std::string::npos) out += "#include <limits>\n";
  if (code.find("std::string") != std::string::npos) out += "#include <string>\n";
  if (code.find("std::move") != std::string::npos) out += "#include <utility>\n";
  return out.empty() ? out : out + "\n";
}

std::string qualified(std::string_view cpp_namespace, const std::string& name) {
  return cpp_namespace.empty() ? name : fmt::format("{}::{}", cpp_namespace, name);
}

std::string open_namespace(std::string_view cpp_namespace) {
  return cpp_namespace.empty() ? std::string() : fmt::format("namespace {} {{\n\n", cpp_namespace);
}

std::string close_namespace(std::string_view cpp_namespace) {
  return cpp_namespace.empty() ? std::string()
                               : fmt::format("\n}}  // namespace {}\n", cpp_namespace);
}

}  // namespace

std::string render_cpp_migration(const CppMigration& m) {
  const std::string up = m.up.empty() ? std::string(skeleton_up) : render_cpp_operations(m.up);
  std::string body = method("up", up);
  if (m.down) {
    body += "\n" + method("down", render_cpp_operations(*m.down));
  } else if (const auto why = irreversible(m.up)) {
    body += "\n" +
            comment(fmt::format("down() cannot be derived: {}. Write it if the change can be "
                                "undone:",
                                *why)) +
            "  // void down(migcmd::MigrationBuilder& b) override { ... }\n";
  } else {
    body += "\n" + std::string(derived_down);
  }
  std::string registration = fmt::format("//   registry.add<{}>(\"{}\",",
                                         qualified(m.cpp_namespace, m.class_name), m.version);
  const std::string name_literal = fmt::format("\"{}\");", m.name);
  registration += registration.size() + 1 + name_literal.size() > 100 ? "\n//       " : " ";
  registration += name_literal;
  std::string out = fmt::format(
      "// Migration {}_{}.\n"
      "//\n"
      "// Register it with the others, once, where your program builds its migrations:\n"
      "{}\n"
      "\n"
      "#pragma once\n"
      "\n",
      m.version, m.name, registration);
  out += std_includes(body);
  out += "#include <migcmd/migcmd.hpp>\n\n";
  out += open_namespace(m.cpp_namespace);
  out +=
      fmt::format("class {} : public migcmd::Migration {{\n public:\n{}}};\n", m.class_name, body);
  out += close_namespace(m.cpp_namespace);
  return out;
}

std::string render_cpp_migrations_index(const std::vector<CppMigrationEntry>& entries,
                                        std::string_view cpp_namespace) {
  std::string out =
      "// The migrations written by `add`, in version order. `add` rewrites this file: edits are "
      "lost.\n"
      "\n"
      "#pragma once\n"
      "\n"
      "#include <migcmd/migration_registry.hpp>\n";
  if (!entries.empty()) out += "\n";
  for (const auto& e : entries) out += fmt::format("#include \"{}\"\n", e.file);
  out += "\n" + open_namespace(cpp_namespace);
  if (entries.empty()) {
    out += "inline void register_migrations(migcmd::MigrationRegistry&) {}\n";
  } else {
    out += "inline void register_migrations(migcmd::MigrationRegistry& registry) {\n";
    for (const auto& e : entries) {
      out += fmt::format("  registry.add<{}>(\"{}\", \"{}\");\n", e.class_name, e.version, e.name);
    }
    out += "}\n";
  }
  out += close_namespace(cpp_namespace);
  return out;
}

}  // namespace migcmd
