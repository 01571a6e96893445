#pragma once
// Expressions as SQL Server's catalog prints them (check constraints, filtered-index predicates,
// default expressions), back to how they are written (internal).

#include <string>
#include <string_view>

namespace migcmd::sqlserver {

// The expression as it would be written: the enclosing parentheses and those around numeric
// constants dropped ("([price]>=(0))" -> "price >= 0"), brackets taken off names that need none,
// spaces around binary operators and after commas, reserved words in upper case ("like" ->
// "LIKE"), and an IN list, which SQL Server stores as ORs in reverse order
// ("([s]='b' OR [s]='a')"), written as "s IN ('a', 'b')" again. BETWEEN stays as the server
// rewrote it ("x >= 1 AND x <= 5"). String literals are left as they are.
[[nodiscard]] std::string normalise_expression(std::string_view expression);

// The expression without the parentheses enclosing all of it ("((0))" -> "0",
// "(N'a')" -> "N'a'", "((1)+(2))" -> "(1)+(2)").
[[nodiscard]] std::string strip_enclosing_parentheses(std::string_view expression);

// True when `word` is a T-SQL reserved keyword (case-insensitive).
[[nodiscard]] bool is_reserved_word(std::string_view word);

}  // namespace migcmd::sqlserver
