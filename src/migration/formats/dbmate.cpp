// dbmate: "-- migrate:up" and optionally "-- migrate:down" split the file; options such as
// "transaction:false" follow the marker on its line.

#include <fmt/format.h>

#include "migcmd/error.hpp"
#include "migration/formats/formats.hpp"

namespace migcmd::detail {
namespace {

constexpr const char* dbmate_hint =
    "a dbmate migration has a line \"-- migrate:up\" before its SQL and optionally "
    "\"-- migrate:down\" before the rollback";

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

struct Marker {
  std::string_view direction;  // "up" / "down"
  std::string_view options;
};

// dbmate's own pattern is ^--\s*migrate:<direction>(.*)$.
std::optional<Marker> marker(std::string_view line) {
  if (line.substr(0, 2) != "--") return std::nullopt;
  line.remove_prefix(2);
  while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
  constexpr std::string_view prefix = "migrate:";
  if (line.substr(0, prefix.size()) != prefix) return std::nullopt;
  line.remove_prefix(prefix.size());
  std::size_t end = 0;
  while (end < line.size() && !is_blank(line[end])) ++end;
  return Marker{line.substr(0, end), line.substr(end)};
}

bool transactional(std::string_view options, std::string_view source, int line) {
  bool result = true;
  while (!options.empty()) {
    while (!options.empty() && is_blank(options.front())) options.remove_prefix(1);
    std::size_t end = 0;
    while (end < options.size() && !is_blank(options[end])) ++end;
    std::string_view option = options.substr(0, end);
    options.remove_prefix(end);
    std::size_t colon = option.find(':');
    if (colon == std::string_view::npos || option.substr(0, colon) != "transaction") continue;
    std::string_view value = option.substr(colon + 1);
    if (value != "true" && value != "false") {
      throw Error(
          ErrorCode::parse_error,
          fmt::format("{}: transaction:{} is neither true nor false", where(source, line), value),
          "write transaction:false to run the section outside a transaction");
    }
    result = value == "true";
  }
  return result;
}

}  // namespace

void parse_dbmate(std::string_view content, std::string_view source, MigrationScript& script) {
  const TextLine* up = nullptr;
  const TextLine* down = nullptr;
  auto lines = split_lines(content);
  for (const auto& line : lines) {
    auto m = marker(line.text);
    if (!m) {
      std::string_view text = trim(line.text);
      if (up == nullptr && !text.empty() && text.substr(0, 2) != "--") {
        throw Error(ErrorCode::parse_error,
                    fmt::format("{}: SQL before \"-- migrate:up\"", where(source, line.number)),
                    dbmate_hint);
      }
      continue;
    }
    if (m->direction != "up" && m->direction != "down") {
      throw Error(ErrorCode::parse_error,
                  fmt::format("{}: unknown section \"migrate:{}\"", where(source, line.number),
                              m->direction),
                  dbmate_hint);
    }
    const TextLine*& slot = m->direction == "up" ? up : down;
    if (slot != nullptr) {
      throw Error(ErrorCode::parse_error,
                  fmt::format("{}: a second \"-- migrate:{}\" (the first is on line {})",
                              where(source, line.number), m->direction, slot->number),
                  dbmate_hint);
    }
    if (m->direction == "down" && up == nullptr) {
      throw Error(ErrorCode::parse_error,
                  fmt::format("{}: \"-- migrate:down\" before \"-- migrate:up\"",
                              where(source, line.number)),
                  dbmate_hint);
    }
    slot = &line;
    bool tx = transactional(m->options, source, line.number);
    if (m->direction == "up")
      script.metadata.transactional = tx;
    else
      script.metadata.down_transactional = tx;
  }
  if (up == nullptr) {
    throw Error(ErrorCode::parse_error,
                fmt::format("{}: no \"-- migrate:up\" section", where(source, 1)), dbmate_hint);
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
