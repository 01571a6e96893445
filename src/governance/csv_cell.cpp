#include "csv_cell.hpp"

namespace migcmd::governance::detail {

std::string neutralise_formula(std::string_view text) {
  if (!text.empty()) {
    switch (text.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r':
        return "'" + std::string(text);
      default:
        break;
    }
  }
  return std::string(text);
}

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out.push_back('"');
  for (const char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void append_csv_text(std::string& out, std::string_view text) {
  append_csv_field(out, neutralise_formula(text));
}

}  // namespace migcmd::governance::detail
