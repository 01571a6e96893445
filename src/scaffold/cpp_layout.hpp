#pragma once
// Line breaking for generated C++ (internal): an expression is a tree of calls, braced lists and
// method chains, laid out within 100 columns the way clang-format's Google style does: on one
// line when it fits, else arguments packed after the open parenthesis, chained calls one per
// line, and "block" lists (structs, rows) one element per line with a trailing comma.

#include <string>
#include <vector>

namespace migcmd::detail {

struct CppExpr {
  enum class Kind { atom, call, list, block, chain };
  Kind kind = Kind::atom;
  std::string open;  // atom: the text; call: "b.insert("; list, block: "{", "migcmd::Index{"
  std::vector<CppExpr> items;  // arguments, elements, or a chain's base then its calls

  static CppExpr atom(std::string text) { return {Kind::atom, std::move(text), {}}; }
  static CppExpr call(std::string callee, std::vector<CppExpr> args) {
    return {Kind::call, std::move(callee) + "(", std::move(args)};
  }
  // Elements packed like arguments when broken: {"a", "b", ...}.
  static CppExpr list(std::vector<CppExpr> elements, std::string prefix = {}) {
    return {Kind::list, std::move(prefix) + "{", std::move(elements)};
  }
  // One element per line when broken: a struct's fields, a table's rows.
  static CppExpr block(std::vector<CppExpr> elements, std::string prefix = {}) {
    return {Kind::block, std::move(prefix) + "{", std::move(elements)};
  }
  // base.a(...).b(...): `calls` are call expressions whose callee starts with ".".
  static CppExpr chain(CppExpr base, std::vector<CppExpr> calls) {
    calls.insert(calls.begin(), std::move(base));
    return {Kind::chain, {}, std::move(calls)};
  }
};

inline constexpr int cpp_line_width = 100;

// The expression on one line.
[[nodiscard]] std::string flat(const CppExpr& expr);

// A statement at `indent`: the expression followed by ";" and a newline, broken into lines that
// fit where it can.
[[nodiscard]] std::string statement(const CppExpr& expr, int indent);

}  // namespace migcmd::detail
