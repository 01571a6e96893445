#pragma once
// The operations every dialect's golden test renders: each case is a named list of operations
// and the schema they are rendered against. Together the cases cover every Operation kind (the
// golden harness checks that).

#include <string>
#include <vector>

#include "migcmd/operations.hpp"
#include "migcmd/schema.hpp"

namespace migcmd::test {

struct SampleCase {
  std::string name;  // also the golden file name: <dialect dir>/<name>.sql
  OperationList ops;
  Schema before;
};

// users(id identity pk, email string(255) not null unique, name text, score int32 default 0
// check >= 0, created_at timestamp_tz default CURRENT_TIMESTAMP) with ix_users_name, and
// orders(id pk, user_id -> users.id, total decimal(10,2), status string(20) default 'new').
[[nodiscard]] Schema sample_schema();

[[nodiscard]] std::vector<SampleCase> sample_cases();

}  // namespace migcmd::test
