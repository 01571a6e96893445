#include <fmt/format.h>

#include "migration/formats/formats.hpp"

namespace migcmd::detail {

std::vector<TextLine> split_lines(std::string_view content) {
  std::vector<TextLine> lines;
  std::size_t begin = 0;
  int number = 1;
  while (begin < content.size()) {
    std::size_t end = content.find('\n', begin);
    std::size_t next = end == std::string_view::npos ? content.size() : end + 1;
    if (end == std::string_view::npos) end = content.size();
    std::string_view text = content.substr(begin, end - begin);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    lines.push_back({text, begin, next, number++});
    begin = next;
  }
  return lines;
}

std::string where(std::string_view source, int line) {
  return fmt::format("{}:{}", source, line);
}

std::string_view trim(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

bool iequals(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace migcmd::detail
