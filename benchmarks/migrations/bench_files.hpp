#pragma once
// The workloads' files, generated: N small dbmate migrations (a table and a row each), and the
// same statements as scripts for the database's own client (the floors).

#include <string>

namespace bench {

// Writes `count` migrations into `directory` (emptied first): 20250000000001_t0001.sql ...
void write_migrations(const std::string& directory, int count);

enum class Transactions { one, per_migration };

// The floor: the migrations' statements plus one history insert each, in one transaction or one
// per migration (what dbmate does), written to `file` for the client to read.
void write_floor_script(const std::string& file, int count, Transactions transactions);

}  // namespace bench
