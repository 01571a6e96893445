#pragma once
// A column type as written in SQL, normalised to a family the rules reason about: "int" for
// integer/int4/mediumint, "varchar" for character varying/nvarchar, "timestamptz" for timestamp
// with time zone, and so on; other types keep their lower-cased name.

#include <optional>
#include <string>
#include <vector>

#include "risk/sql_tokens.hpp"

namespace migcmd::governance::risk {

struct SqlType {
  std::string base;       // normalised family: "smallint", "int", "bigint", "serial", "char"...
  std::vector<int> args;  // (n), (p, s)
  std::string text;       // as written, for messages
  bool array = false;     // int[]

  [[nodiscard]] bool integer_narrower_than_bigint() const;  // smallint, int, their serials
  [[nodiscard]] bool is_serial() const;                     // smallserial, serial, bigserial
};

// Normalises the type made of `tokens` (e.g. {character, varying, (, 20, )}).
[[nodiscard]] SqlType make_sql_type(const std::vector<Token>& tokens);

}  // namespace migcmd::governance::risk
