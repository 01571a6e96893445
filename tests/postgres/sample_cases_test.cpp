// Every shared sample case, rendered as in the golden files, is accepted by the server: each
// runs in a fresh schema holding the sample tables it is rendered against.

#include <doctest/doctest.h>

#include "pg_fixture.hpp"
#include "support/sample_operations.hpp"

using namespace migcmd;
using migcmd::test::PgSchema;
using migcmd::test::sqlstate_of;

TEST_CASE("every sample case runs on the server") {
  for (const auto& sample : test::sample_cases()) {
    CAPTURE(sample.name);
    PgSchema db;
    // A schema the case creates gets a unique name too, so that runs never collide.
    const std::string other = PgSchema::unique_name("migcmd_s");
    OperationList ops = sample.ops;
    bool creates_schema = false;
    for (auto& op : ops) {
      if (auto* e = std::get_if<EnsureSchema>(&op)) {
        e->name = other;
        creates_schema = true;
      } else if (auto* c = std::get_if<CreateTable>(&op); c && !c->table.name.schema.empty()) {
        c->table.name.schema = other;
      }
    }
    OperationList setup;
    for (const auto& t : sample.before.tables) setup.push_back(CreateTable{t});
    db.apply(setup);
    SqlCommands commands = db.dialect().generate(ops, sample.before);
    const std::string state = sqlstate_of([&] { run_commands(db.connection(), commands); });
    if (creates_schema) {
      CHECK(db.relation_exists({other, "events"}));
      db.execute("DROP SCHEMA " + db.dialect().quote_identifier(other) + " CASCADE");
    }
    if (sample.name == "insert_rows") {
      // Its third row has score -3, which ck_users_score (score >= 0) refuses: the SQL itself was
      // accepted and the constraint did its job.
      CHECK(state == "23514");
    } else {
      CHECK(state == "none");
    }
  }
}
