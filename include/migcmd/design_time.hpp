#pragma once
// The design-time entry point: a small program the application links beside its model and its
// migrations, run by developers (and CI) to write the next migration from the model, as
// `dotnet ef migrations add` does.
//
//   // tools/design.cpp
//   #include <migcmd/design_time.hpp>
//   #include <migcmd/providers/postgres.hpp>
//   #include "app/model.hpp"          // migcmd::Model app_model();
//   #include "migrations/migrations.hpp"  // generated: app::migrations::register_migrations
//
//   int main(int argc, char** argv) {
//     migcmd::DesignTime setup;
//     setup.model = app_model();
//     app::migrations::register_migrations(setup.migrations);
//     setup.directory = "src/migrations";
//     setup.cpp_namespace = "app::migrations";
//     setup.dialect = migcmd::postgres::make_dialect();
//     return migcmd::design_time_main(argc, argv, setup);
//   }
//
// Verbs:
//   add NAME [--rename old=new]...   diff snapshot -> model, write <dir>/<version>_NAME.hpp,
//                                    regenerate <dir>/migrations.hpp, rewrite the snapshot
//   diff [--format cpp|json|sql] [--rename old=new]...
//                                    print the pending changes, write nothing
//   check [--rename old=new]...      exit 7 when the model has changes no migration makes
//   snapshot                         rebuild the snapshot by replaying the registered migrations
//
// Exit statuses are those of the migcmd tool: 0 ok, 2 usage, 3 invalid migrations or model,
// 6 other errors (files), 7 `check` found changes.

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "migcmd/dialect.hpp"
#include "migcmd/migration_registry.hpp"
#include "migcmd/model.hpp"
#include "migcmd/provider.hpp"

namespace migcmd {

struct DesignTime {
  Model model;
  // The application's existing code migrations (the generated register_migrations and any
  // written by hand): `snapshot` replays them, and `add` refuses a name one of them has.
  MigrationRegistry migrations;
  // Where the generated migration headers and migrations.hpp are written.
  std::filesystem::path directory = "migrations";
  // Empty: <directory>/migcmd.snapshot.json.
  std::filesystem::path snapshot;
  // The namespace of the generated classes and of register_migrations; empty: the global one.
  std::string cpp_namespace;
  // The database the application runs on, for type equality in the diff ("int4" is "integer"),
  // `diff --format sql` and the snapshot's "dialect". Either may be set; both may be left empty.
  std::shared_ptr<const Provider> provider;
  std::shared_ptr<const Dialect> dialect;
};

inline constexpr std::string_view migrations_index_file = "migrations.hpp";

// Parses the arguments (argv[0] is the program's name, shown in the usage), runs the verb and
// returns the exit status. Prints to std::cout and std::cerr; never throws.
int design_time_main(int argc, char** argv, const DesignTime& setup);

// The same with the arguments after the program's name and the streams given (for tests and
// for embedding in a larger tool).
int run_design_time(const std::vector<std::string>& args, const DesignTime& setup,
                    std::ostream& out, std::ostream& err, std::string_view program = "design");

}  // namespace migcmd
