// The design-time entry point end to end in a temporary directory: add, diff, check and snapshot
// against a model that changes between runs.

#include "migcmd/design_time.hpp"

#include <doctest/doctest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "migcmd/diff.hpp"
#include "migcmd/snapshot.hpp"
#include "scaffold/temp_dir.hpp"
#ifdef MIGCMD_SCAFFOLD_WITH_SQLITE
#include "migcmd/providers/sqlite.hpp"
#endif

using migcmd::DesignTime;
using migcmd::Model;
using migcmd_test::ScaffoldDir;

namespace {

struct Run {
  int status = 0;
  std::string out;
  std::string err;
};

Run run(const DesignTime& setup, std::vector<std::string> args) {
  std::ostringstream out, err;
  Run r;
  r.status = migcmd::run_design_time(args, setup, out, err, "design");
  r.out = out.str();
  r.err = err.str();
  return r;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Model model_v1() {
  Model m("app");
  m.table("users", [](migcmd::TableBuilder& t) {
    t.column<std::int64_t>("id").identity();
    t.column<std::string>("email").max_length(255).not_null();
    t.primary_key({"id"}, "pk_users");
  });
  m.index("ix_users_email", "users", {"email"}).unique();
  return m;
}

// users.email renamed to mail, a new column, a new table referencing users.
Model model_v2() {
  Model m("app");
  m.table("users", [](migcmd::TableBuilder& t) {
    t.column<std::int64_t>("id").identity();
    t.column<std::string>("mail").max_length(255).not_null();
    t.column<std::string>("name");
    t.primary_key({"id"}, "pk_users");
  });
  m.index("ix_users_email", "users", {"mail"}).unique();
  m.table("posts", [](migcmd::TableBuilder& t) {
    t.column<std::int64_t>("id").identity();
    t.column<std::int64_t>("user_id").not_null();
    t.column<std::string>("title").max_length(200).not_null().default_value("untitled");
    t.primary_key({"id"}, "pk_posts");
  });
  m.foreign_key("fk_posts_user", "posts", {"user_id"}, "users", {"id"}).on_delete_cascade();
  return m;
}

DesignTime setup_in(const ScaffoldDir& dir, Model model) {
  DesignTime setup;
  setup.model = std::move(model);
  setup.directory = dir.path() / "migrations";
  setup.cpp_namespace = "app::migrations";
  return setup;
}

// A registered migration made of given operations (the generated classes are compiled into the
// application, not into this test).
class OpsMigration : public migcmd::Migration {
 public:
  explicit OpsMigration(migcmd::OperationList ops) : ops_(std::move(ops)) {}
  void up(migcmd::MigrationBuilder& b) override {
    for (const auto& op : ops_) b.append(op);
  }

 private:
  migcmd::OperationList ops_;
};

std::string version_of(const std::string& file) {
  return file.substr(0, file.find('_'));
}

}  // namespace

TEST_CASE("add writes the migration, the index header and the snapshot; then nothing to do") {
  ScaffoldDir dir;
  DesignTime setup = setup_in(dir, model_v1());

  auto r = run(setup, {"check"});
  CHECK(r.status == 7);
  CHECK(has(r.out, "create_table users"));

  r = run(setup, {"add", "create_users"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  auto files = dir.files("migrations");
  REQUIRE(files.size() == 3);
  const std::string first = files[0];
  CHECK(std::regex_match(first, std::regex(R"(\d{14}_create_users\.hpp)")));
  CHECK(files[1] == "migcmd.snapshot.json");
  CHECK(files[2] == "migrations.hpp");
  CHECK(has(r.out, "wrote " + (setup.directory / first).string()));
  CHECK(has(r.out, "+ create_table users"));

  const std::string code = dir.read("migrations/" + first);
  CHECK(has(code, "namespace app::migrations {"));
  CHECK(has(code, "class CreateUsers : public migcmd::Migration {"));
  CHECK(has(code,
            "    b.create_table(\"users\", [](migcmd::TableBuilder& t) {\n"
            "      t.column<std::int64_t>(\"id\").identity();\n"
            "      t.column<std::string>(\"email\").max_length(255).not_null();\n"
            "      t.primary_key({\"id\"}, \"pk_users\");\n"));
  INFO(code);
  // The index is part of the new table; down() drops the table with it.
  CHECK(has(code,
            "      t.index(migcmd::Index{\n"
            "          .name = \"ix_users_email\",\n"
            "          .parts = {{.column = \"email\"}},\n"
            "          .unique = true,\n"
            "      });\n"));
  CHECK(has(code,
            "  void down(migcmd::MigrationBuilder& b) override {\n"
            "    b.drop_table(\"users\");\n"
            "  }\n"));
  const std::string index = dir.read("migrations/migrations.hpp");
  CHECK(has(index, "#include \"" + first + "\""));
  CHECK(has(index,
            "inline void register_migrations(migcmd::MigrationRegistry& registry) {\n"
            "  registry.add<CreateUsers>(\"" +
                version_of(first) + "\", \"create_users\");\n}"));
  const auto snapshot = migcmd::read_snapshot(setup.directory / "migcmd.snapshot.json");
  CHECK(snapshot.schema == setup.model.schema());
  CHECK(snapshot.last_version == version_of(first));

  // Nothing changed: a clear message, no file.
  const std::string snapshot_text = dir.read("migrations/migcmd.snapshot.json");
  r = run(setup, {"add", "again"});
  CHECK(r.status == 0);
  CHECK(has(r.out, "No changes"));
  CHECK(has(r.out, version_of(first)));
  CHECK(dir.files("migrations") == files);
  CHECK(dir.read("migrations/migcmd.snapshot.json") == snapshot_text);
  CHECK(run(setup, {"check"}).status == 0);

  // The model changes: check fails, diff shows it and hints at the rename.
  setup.model = model_v2();
  r = run(setup, {"check"});
  CHECK(r.status == 7);
  CHECK(has(r.out, "add_column name to users"));
  CHECK(has(r.out, "! drop_column email from users"));
  r = run(setup, {"diff"});
  CHECK(r.status == 0);
  CHECK(has(r.err,
            "possible rename: column users.email -> users.mail; if it is one, run again "
            "with --rename users.email=mail"));
  CHECK(has(r.out, "b.drop_column(\"users\", \"email\");"));
  CHECK(has(r.out, "b.add_column(\"users\", \"mail\", migcmd::Type::string(255)).not_null();"));
  CHECK(dir.files("migrations") == files);  // diff writes nothing

  r = run(setup, {"diff", "--rename", "users.email=mail"});
  CHECK(r.status == 0);
  CHECK(has(r.out, "b.rename_column(\"users\", \"email\", \"mail\");"));
  CHECK_FALSE(has(r.err, "possible rename"));
  CHECK_FALSE(has(r.out, "drop_column"));

  r = run(setup, {"diff", "--format=json", "--rename=users.email=mail"});
  CHECK(r.status == 0);
  const auto ops = nlohmann::json::parse(r.out);
  REQUIRE(ops.is_array());
  std::vector<std::string> kinds;
  for (const auto& op : ops) kinds.push_back(op.at("op").get<std::string>());
  CHECK(kinds ==
        std::vector<std::string>{"rename_column", "create_table", "add_column", "add_foreign_key"});

  // The second migration sorts after the first and makes the rename.
  r = run(setup, {"add", "add_posts", "--rename", "users.email=mail"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  files = dir.files("migrations");
  REQUIRE(files.size() == 4);
  const std::string second = files[1];
  CHECK(std::regex_match(second, std::regex(R"(\d{14}_add_posts\.hpp)")));
  CHECK(version_of(second) > version_of(first));
  const std::string code2 = dir.read("migrations/" + second);
  CHECK(has(code2, "class AddPosts : public migcmd::Migration {"));
  CHECK(has(code2, "b.rename_column(\"users\", \"email\", \"mail\");"));
  CHECK(has(code2,
            "b.add_foreign_key(\"fk_posts_user\", \"posts\", {\"user_id\"}, \"users\", "
            "{\"id\"})"));
  CHECK(has(code2, "b.rename_column(\"users\", \"mail\", \"email\");"));  // in down()
  const std::string index2 = dir.read("migrations/migrations.hpp");
  const auto at_first = index2.find("registry.add<CreateUsers>");
  const auto at_second = index2.find("registry.add<AddPosts>");
  CHECK(at_first != std::string::npos);
  CHECK(at_second != std::string::npos);
  CHECK(at_first < at_second);
  CHECK(migcmd::read_snapshot(setup.directory / "migcmd.snapshot.json").last_version ==
        version_of(second));
  CHECK(run(setup, {"check"}).status == 0);

  // A name (or class) already taken is refused.
  Model v3 = model_v2();
  v3.table("tags", [](migcmd::TableBuilder& t) { t.column<std::string>("name"); });
  setup.model = v3;
  r = run(setup, {"add", "add_posts"});
  CHECK(r.status == 2);
  CHECK(has(r.err, "already declares \"add_posts\""));
  r = run(setup, {"add", "add__posts"});  // the same class name, AddPosts
  CHECK(r.status == 2);
  CHECK(dir.files("migrations").size() == 4);
}

TEST_CASE("snapshot rebuilds the snapshot by replaying the registered migrations") {
  ScaffoldDir dir;
  DesignTime setup = setup_in(dir, model_v2());
  const migcmd::Schema v1 = model_v1().schema();
  const migcmd::Schema v2 = model_v2().schema();
  migcmd::DiffOptions renames;
  renames.renames["users.email"] = "mail";
  setup.migrations.add("20250101000000", "create_users",
                       std::make_shared<OpsMigration>(migcmd::create_operations(v1)));
  setup.migrations.add("20250102000000", "add_posts",
                       std::make_shared<OpsMigration>(migcmd::diff(v1, v2, renames).operations));

  // Without a snapshot the registered migrations are the base: the model has no changes.
  auto r = run(setup, {"check"});
  CHECK_MESSAGE(r.status == 0, r.out, r.err);
  CHECK(has(r.err, "no snapshot at"));

  r = run(setup, {"snapshot"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(has(r.out, "from 2 migration(s), the last 20250102000000"));
  const auto snapshot = migcmd::read_snapshot(setup.directory / "migcmd.snapshot.json");
  CHECK(snapshot.schema == v2);
  CHECK(snapshot.last_version == "20250102000000");

  // A new migration sorts after the registered ones even if their versions lie in the future.
  setup.migrations.add("99990101000000", "future",
                       std::make_shared<OpsMigration>(migcmd::OperationList{}));
  Model v3 = model_v2();
  v3.table("tags", [](migcmd::TableBuilder& t) { t.column<std::string>("name"); });
  setup.model = v3;
  r = run(setup, {"add", "add_tags"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(has(r.err, "is newer than the snapshot"));
  CHECK(dir.files("migrations")[0] == "99990101000001_add_tags.hpp");

  // A registered migration with the same name is refused.
  r = run(setup, {"add", "create_users"});
  CHECK(r.status == 2);
  CHECK(has(r.err, "migration 20250101000000_create_users is already named \"create_users\""));
}

TEST_CASE("bad arguments print the usage and exit 2; bad models 3; bad files 6") {
  ScaffoldDir dir;
  DesignTime setup = setup_in(dir, model_v1());
  for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{}, "no verb given"},
           {{"frobnicate"}, "unknown verb \"frobnicate\""},
           {{"add"}, "add needs a NAME"},
           {{"add", "AddUsers"}, "is not a valid migration name"},
           {{"add", "a", "b"}, "unexpected argument \"b\""},
           {{"diff", "--format", "yaml"}, "unknown --format \"yaml\""},
           {{"diff", "--format"}, "--format needs a value"},
           {{"add", "x", "--rename", "users"}, "expected OLD=NEW"},
           {{"check", "--verbose"}, "unknown option --verbose"},
       }) {
    INFO(message);
    const auto r = run(setup, args);
    CHECK(r.status == 2);
    CHECK(has(r.err, message));
    CHECK(r.out.empty());
  }
  CHECK(has(run(setup, {"frobnicate"}).err, "usage: design <verb>"));
  auto r = run(setup, {"--help"});
  CHECK(r.status == 0);
  CHECK(has(r.out, "usage: design <verb>"));
  CHECK(has(r.out, "check [--rename OLD=NEW]..."));
  CHECK(dir.files().empty());

  r = run(setup, {"diff", "--format", "sql"});
  CHECK(r.status == 2);
  CHECK(has(r.err, "needs a dialect"));

  Model broken("broken");
  broken.table("users", [](migcmd::TableBuilder& t) { t.column<std::int64_t>("id"); });
  broken.index("ix", "users", {"missing"});
  setup.model = broken;
  r = run(setup, {"add", "x"});
  CHECK(r.status == 3);
  CHECK(has(r.err, "design: model broken, declaration 2"));
  CHECK(dir.files().empty());

  setup.model = model_v1();
  dir.write("migrations/migcmd.snapshot.json", "{\"snapshot_format_version\": 1, \"tables\": 1}");
  r = run(setup, {"check"});
  CHECK(r.status == 6);
  CHECK(has(r.err, "migcmd.snapshot.json: schema JSON /: missing \"format_version\""));
  CHECK(has(r.err, "hint: "));

  // design_time_main: argv[0]'s file name in the usage, on std::cout.
  char program[] = "/usr/local/bin/app-design";
  char help[] = "--help";
  char* argv[] = {program, help, nullptr};
  std::ostringstream captured;
  auto* saved = std::cout.rdbuf(captured.rdbuf());
  const int status = migcmd::design_time_main(2, argv, setup);
  std::cout.rdbuf(saved);
  CHECK(status == 0);
  CHECK(has(captured.str(), "usage: app-design <verb>"));
}

#ifdef MIGCMD_SCAFFOLD_WITH_SQLITE
TEST_CASE("with a dialect: diff --format sql renders it, and the snapshot records it") {
  ScaffoldDir dir;
  DesignTime setup = setup_in(dir, model_v1());
  setup.provider = migcmd::sqlite::make_provider();
  auto r = run(setup, {"diff", "--format", "sql"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(has(r.out, "CREATE TABLE \"users\""));
  CHECK(has(r.out, "CREATE UNIQUE INDEX \"ix_users_email\""));
  REQUIRE(run(setup, {"add", "create_users"}).status == 0);
  CHECK(migcmd::read_snapshot(setup.directory / "migcmd.snapshot.json").dialect == "sqlite");
  // A dialect given directly works the same; one other than the snapshot's is pointed out.
  setup.provider = nullptr;
  setup.dialect = std::shared_ptr<const migcmd::Dialect>(migcmd::sqlite::make_dialect());
  CHECK(run(setup, {"check"}).status == 0);
  auto snapshot = migcmd::read_snapshot(setup.directory / "migcmd.snapshot.json");
  snapshot.dialect = "postgres";
  migcmd::write_snapshot(setup.directory / "migcmd.snapshot.json", snapshot);
  r = run(setup, {"check"});
  CHECK(r.status == 0);
  CHECK(has(r.err, "compared with postgres and the model now is with sqlite"));
}
#endif
