// migcmd's own format: a "-- Key: value" header, then "-- === UP Migration ===" and optionally
// "-- === DOWN Migration ===" sections.

#include <fmt/format.h>

#include "migcmd/error.hpp"
#include "migration/formats/formats.hpp"

namespace migcmd::detail {
namespace {

constexpr const char* migcmd_hint =
    "a migcmd SQL migration has \"-- Key: value\" header lines, then a line "
    "\"-- === UP Migration ===\" before its SQL and optionally \"-- === DOWN Migration ===\"";

// "UP" / "DOWN" for a section marker line, empty otherwise.
std::string_view section(std::string_view comment) {
  std::string_view text = comment;
  while (!text.empty() && (text.front() == '=' || text.front() == ' ')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == '=' || text.back() == ' ')) text.remove_suffix(1);
  if (text.size() == comment.size()) return {};  // no "===": an ordinary comment
  if (iequals(text, "up migration") || iequals(text, "up")) return "UP";
  if (iequals(text, "down migration") || iequals(text, "down")) return "DOWN";
  return {};
}

std::vector<std::string> list(std::string_view value) {
  std::vector<std::string> out;
  if (iequals(value, "none") || value == "-") return out;
  while (!value.empty()) {
    std::size_t comma = value.find(',');
    std::string_view item = trim(value.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

bool is_key(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

void header_line(std::string_view key, std::string_view value, const MigrationFileName& file,
                 std::string_view source, int line, MigrationScript& script) {
  auto& meta = script.metadata;
  if (iequals(key, "Version")) {
    if (compare_versions(value, file.version) != 0) {
      throw Error(ErrorCode::parse_error,
                  fmt::format("{}: the header says version {} but the file name says {}",
                              where(source, line), value, file.version),
                  "make the \"-- Version:\" line and the file name agree");
    }
  } else if (iequals(key, "Database")) {
    meta.database = std::string(value);
  } else if (iequals(key, "Author")) {
    meta.author = std::string(value);
  } else if (iequals(key, "Created")) {
    meta.created = std::string(value);
  } else if (iequals(key, "Description")) {
    meta.description = std::string(value);
  } else if (iequals(key, "Dependencies")) {
    meta.dependencies = list(value);
  } else if (iequals(key, "Tags")) {
    meta.tags = list(value);
  } else if (iequals(key, "Transactional")) {
    if (!iequals(value, "true") && !iequals(value, "false")) {
      throw Error(ErrorCode::parse_error,
                  fmt::format("{}: Transactional: {} is neither true nor false",
                              where(source, line), value),
                  "write \"-- Transactional: false\" to run the migration outside a transaction");
    }
    meta.transactional = meta.down_transactional = iequals(value, "true");
  }
  // "Migration" repeats the file's name; other keys are ordinary comments.
}

}  // namespace

void parse_migcmd_sql(std::string_view content, std::string_view source,
                      const MigrationFileName& file, MigrationScript& script) {
  script.metadata.created = file.date;
  const TextLine* up = nullptr;
  const TextLine* down = nullptr;
  auto lines = split_lines(content);
  for (const auto& line : lines) {
    std::string_view text = trim(line.text);
    bool comment = text.substr(0, 2) == "--";
    std::string_view body = comment ? trim(text.substr(2)) : std::string_view{};
    std::string_view marker = comment ? section(body) : std::string_view{};
    if (marker.empty()) {
      if (up != nullptr || text.empty()) continue;
      if (!comment) {
        throw Error(
            ErrorCode::parse_error,
            fmt::format("{}: SQL before \"-- === UP Migration ===\"", where(source, line.number)),
            migcmd_hint);
      }
      std::size_t colon = body.find(':');
      if (colon != std::string_view::npos && is_key(body.substr(0, colon))) {
        header_line(body.substr(0, colon), trim(body.substr(colon + 1)), file, source, line.number,
                    script);
      }
      continue;
    }
    const TextLine*& slot = marker == "UP" ? up : down;
    if (slot != nullptr) {
      throw Error(ErrorCode::parse_error,
                  fmt::format("{}: a second {} section (the first starts on line {})",
                              where(source, line.number), marker, slot->number),
                  migcmd_hint);
    }
    if (marker == "DOWN" && up == nullptr) {
      throw Error(ErrorCode::parse_error,
                  fmt::format("{}: the DOWN section comes before the UP section",
                              where(source, line.number)),
                  migcmd_hint);
    }
    slot = &line;
  }
  if (up == nullptr) {
    throw Error(ErrorCode::parse_error,
                fmt::format("{}: no \"-- === UP Migration ===\" section", where(source, 1)),
                migcmd_hint);
  }
  std::size_t up_end = down != nullptr ? down->begin : content.size();
  script.up_sql = std::string(content.substr(up->next, up_end - up->next));
  script.up_line = up->number + 1;
  if (down != nullptr) {
    script.has_down = true;
    script.down_sql = std::string(content.substr(down->next));
    script.down_line = down->number + 1;
  }
}

}  // namespace migcmd::detail
