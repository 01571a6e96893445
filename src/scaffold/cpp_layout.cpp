#include "scaffold/cpp_layout.hpp"

#include <algorithm>

namespace migcmd::detail {
namespace {

using Kind = CppExpr::Kind;

std::string spaces(int n) {
  return std::string(static_cast<std::size_t>(std::max(n, 0)), ' ');
}

bool multi_line(const std::string& text) {
  return text.find('\n') != std::string::npos;
}

int width(const std::string& text) {
  return static_cast<int>(text.size());
}

// The column after `text` when it starts at `column`.
int end_column(const std::string& text, int column) {
  const auto nl = text.rfind('\n');
  return nl == std::string::npos ? column + width(text) : width(text) - static_cast<int>(nl) - 1;
}

// Whether `text`, starting at `column` and followed by `tail` characters, stays within the width.
// Raw string literals are multi-line atoms: only their first line is measured.
bool fits(const std::string& text, int column, int tail) {
  if (multi_line(text)) {
    return column + static_cast<int>(text.find('\n')) <= cpp_line_width;
  }
  return column + width(text) + tail <= cpp_line_width;
}

bool too_wide(const std::string& text, int column) {
  std::size_t begin = 0;
  while (begin <= text.size()) {
    auto end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (column + static_cast<int>(end - begin) > cpp_line_width) return true;
    column = 0;
    begin = end + 1;
  }
  return false;
}

int line_count(const std::string& text) {
  return 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// A "..." literal too long for its line, split after spaces into adjacent literals aligned at
// `column` (the compiler joins them again).
std::string split_literal(const std::string& text, int column, int tail) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return text;
  const std::string body = text.substr(1, text.size() - 2);
  const int room = cpp_line_width - column - 2;
  if (room < 20) return text;
  std::string out;
  std::size_t begin = 0;
  while (begin < body.size()) {
    if (static_cast<int>(body.size() - begin) <= room - tail) {
      out += "\"" + body.substr(begin) + "\"";
      break;
    }
    // The last space that keeps the piece within the room; none: the literal stays long.
    std::size_t cut = body.rfind(' ', begin + static_cast<std::size_t>(room) - 1);
    if (cut == std::string::npos || cut < begin) return text;
    out += "\"" + body.substr(begin, cut + 1 - begin) + "\"\n" + spaces(column);
    begin = cut + 1;
  }
  return out;
}

std::string layout(const CppExpr& expr, int column, int indent, int tail);

// Arguments packed from `start`: as many on a line as fit; one that does not fit alone is broken
// itself, and the next starts a new line. `indent` is the indentation of the line the first
// argument is on: a block broken right after the open parenthesis indents from it, one after
// other arguments from its own column (as clang-format does).
std::string pack(const std::vector<CppExpr>& items, int start, int tail, int indent) {
  std::string out;
  int column = start;
  bool line_start = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const CppExpr& item = items[i];
    const int extra = i + 1 < items.size() ? 1 : tail;
    const std::string text = flat(item);
    std::string laid;
    if (!line_start) {
      if (fits(" " + text, column, extra)) {
        laid = text;
      } else if (item.kind == Kind::block && item.open != "{" &&
                 column + 1 + width(item.open) <= cpp_line_width) {
        // A struct may stay on the line and break inside ("b.drop_index(t, migcmd::Index{"),
        // unless starting it on a line of its own breaks it less.
        laid = layout(item, column + 1, column + 1, extra);
        const std::string own_line = layout(item, start, start, extra);
        if (line_count(own_line) + 1 <= line_count(laid) ||
            (too_wide(laid, column + 1) && !too_wide(own_line, start))) {
          laid.clear();
        }
      }
      if (!laid.empty()) {
        out += " " + laid;
        column = end_column(laid, column + 1);
      } else {
        out += "\n" + spaces(start);
        column = start;
        indent = start;
        line_start = true;
      }
    }
    if (line_start) {
      laid = fits(text, column, extra) ? text : layout(item, column, indent, extra);
      out += laid;
      column = end_column(laid, column);
      line_start = false;
    }
    if (i + 1 < items.size()) {
      out += ",";
      column += 1;
      // After an argument broken over lines the next one starts a line of its own.
      if (multi_line(laid) && !multi_line(text)) {
        out += "\n" + spaces(start);
        column = start;
        indent = start;
        line_start = true;
      }
    }
  }
  return out;
}

std::string close_of(const CppExpr& expr) {
  return expr.kind == Kind::call ? ")" : "}";
}

// Calls and packed lists: aligned after the open bracket while that leaves room, else on the
// next line.
std::string layout_packed(const CppExpr& expr, int column, int indent, int tail) {
  const int aligned = column + width(expr.open);
  const std::string close = close_of(expr);
  if (aligned <= cpp_line_width / 2 || expr.kind == Kind::list) {
    std::string text = expr.open + pack(expr.items, aligned, tail + 1, indent) + close;
    if (!too_wide(text, column)) return text;
  }
  return expr.open + "\n" + spaces(indent + 4) +
         pack(expr.items, indent + 4, tail + 1, indent + 4) + close;
}

std::string layout_block(const CppExpr& expr, int indent) {
  std::string out = expr.open + "\n";
  for (const auto& item : expr.items) {
    out += spaces(indent + 4) + layout(item, indent + 4, indent + 4, 1) + ",\n";
  }
  return out + spaces(indent) + "}";
}

std::string layout_chain(const CppExpr& expr, int column, int indent, int tail) {
  std::string out = layout(expr.items.front(), column, indent, 0);
  for (std::size_t i = 1; i < expr.items.size(); ++i) {
    const int extra = i + 1 < expr.items.size() ? 0 : tail;
    out += "\n" + spaces(indent + 4) + layout(expr.items[i], indent + 4, indent + 4, extra);
  }
  return out;
}

std::string layout(const CppExpr& expr, int column, int indent, int tail) {
  const std::string text = flat(expr);
  if (expr.kind == Kind::atom) {
    return fits(text, column, tail) ? text : split_literal(text, column, tail);
  }
  // A chain holding a raw multi-line literal breaks, so its calls do not hide after the literal.
  const bool raw_inside = expr.kind == Kind::chain && multi_line(text);
  if ((fits(text, column, tail) && !raw_inside) || expr.items.empty()) return text;
  switch (expr.kind) {
    case Kind::call:
    case Kind::list:
      return layout_packed(expr, column, indent, tail);
    case Kind::block:
      return layout_block(expr, indent);
    case Kind::chain:
      return layout_chain(expr, column, indent, tail);
    case Kind::atom:
      break;
  }
  return text;
}

}  // namespace

std::string flat(const CppExpr& expr) {
  if (expr.kind == Kind::atom) return expr.open;
  std::string out;
  if (expr.kind == Kind::chain) {
    for (const auto& item : expr.items) out += flat(item);
    return out;
  }
  out = expr.open;
  for (std::size_t i = 0; i < expr.items.size(); ++i) {
    if (i > 0) out += ", ";
    out += flat(expr.items[i]);
  }
  return out + close_of(expr);
}

std::string statement(const CppExpr& expr, int indent) {
  return spaces(indent) + layout(expr, indent, indent, 1) + ";\n";
}

}  // namespace migcmd::detail
