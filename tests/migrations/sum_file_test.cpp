#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "migcmd/checksum.hpp"
#include "migcmd/sum_file.hpp"
#include "migrations/temp_dir.hpp"

using namespace migcmd;
using migcmd_test::TempDir;

namespace {

// "<file>: <message>" per problem.
std::string problems(const std::filesystem::path& dir) {
  std::string out;
  for (const auto& p : check_sum_file(dir)) out += p.file + ": " + p.message + "\n";
  return out;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Rewrites migcmd.sum with `body` as its lines and a matching first line.
void write_consistent_sum(const TempDir& d, const std::string& body) {
  d.write(sum_file_name, "h1:" + sha256_hex(body) + "\n" + body);
}

}  // namespace

TEST_CASE("the sum file chains a hash over each migration file in version order") {
  TempDir d;
  d.copy_data("mixed");
  const std::vector<std::string> order = {"0001_create_users.up.sql",
                                          "0001_create_users.down.sql",
                                          "V2__add_orders.sql",
                                          "U2__add_orders.sql",
                                          "V003_20250114_add_order_total.sql",
                                          "20250114120000_add_view.sql",
                                          "R__refresh_stats.sql"};
  std::string previous, body;
  for (const auto& name : order) {
    previous = sha256_hex(previous + name + "\n" + normalize_script(d.read(name)));
    body += name + " h1:" + previous + "\n";
  }
  std::string expected = "h1:" + sha256_hex(body) + "\n" + body;
  CHECK(compute_sum_file(d.path()) == expected);

  CHECK(problems(d.path()).empty());  // no sum file: the project does not use one
  write_sum_file(d.path());
  CHECK(d.read(sum_file_name) == expected);
  CHECK_FALSE(std::filesystem::exists(d.path() / "migcmd.sum.tmp"));
  CHECK(problems(d.path()).empty());

  TempDir empty;
  CHECK(compute_sum_file(empty.path()) == "h1:" + sha256_hex("") + "\n");
  write_sum_file(empty.path());
  CHECK(problems(empty.path()).empty());
}

TEST_CASE("line endings and files that are no migrations do not change the sum") {
  TempDir d;
  d.copy_data("mixed");
  write_sum_file(d.path());
  d.write("V2__add_orders.sql",
          replace(replace(d.read("V2__add_orders.sql"), "\n", "\r\n"), "users.\r\n", "users.\n") +
              "\n\n");
  d.write("README.sql", "SELECT 2;");
  d.write("notes.txt", "changed");
  CHECK(problems(d.path()).empty());
  // A sum file checked out with CRLF endings is the same sum file.
  d.write(sum_file_name, replace(d.read(sum_file_name), "\n", "\r\n"));
  std::string crlf = d.read(sum_file_name);
  for (std::size_t at = 0; (at = crlf.find('\n', at + 2)) != std::string::npos;) {
    if (crlf[at - 1] != '\r') crlf.insert(at, "\r");
  }
  d.write(sum_file_name, crlf);
  CHECK(problems(d.path()).empty());
}

TEST_CASE("an edited migration is reported by name") {
  TempDir d;
  d.copy_data("mixed");
  write_sum_file(d.path());
  d.write("V2__add_orders.sql",
          replace(d.read("V2__add_orders.sql"), "INTEGER NOT NULL", "BIGINT NOT NULL"));
  CHECK(problems(d.path()) == "V2__add_orders.sql: file V2__add_orders.sql was changed\n");

  TempDir down;
  down.copy_data("mixed");
  write_sum_file(down.path());
  down.write("0001_create_users.down.sql", "DROP TABLE users CASCADE;\n");
  CHECK(problems(down.path()) ==
        "0001_create_users.down.sql: file 0001_create_users.down.sql was changed\n");
}

TEST_CASE("inserted, deleted and renamed migrations are reported") {
  {
    TempDir d;
    d.copy_data("mixed");
    write_sum_file(d.path());
    d.write("0002_add_profiles.up.sql", "CREATE TABLE profiles (id int);");
    CHECK(problems(d.path()) ==
          "0002_add_profiles.up.sql: file 0002_add_profiles.up.sql is new (not in migcmd.sum)\n");
  }
  {
    TempDir d;
    d.copy_data("mixed");
    write_sum_file(d.path());
    d.write("R__zzz.sql", "SELECT 1;");  // sorts last
    CHECK(problems(d.path()) == "R__zzz.sql: file R__zzz.sql is new (not in migcmd.sum)\n");
  }
  {
    TempDir d;
    d.copy_data("mixed");
    write_sum_file(d.path());
    std::filesystem::remove(d.path() / "U2__add_orders.sql");
    CHECK(problems(d.path()) ==
          "U2__add_orders.sql: file U2__add_orders.sql is in migcmd.sum but missing\n");
  }
  {
    TempDir d;
    d.copy_data("mixed");
    write_sum_file(d.path());
    std::filesystem::remove(d.path() / "R__refresh_stats.sql");  // the last line
    CHECK(problems(d.path()) ==
          "R__refresh_stats.sql: file R__refresh_stats.sql is in migcmd.sum but missing\n");
  }
  {
    // A rename that moves a migration to the front of the order.
    TempDir d;
    d.copy_data("mixed");
    write_sum_file(d.path());
    std::filesystem::rename(d.path() / "V003_20250114_add_order_total.sql",
                            d.path() / "V000_20250114_add_order_total.sql");
    CHECK(problems(d.path()) ==
          "V000_20250114_add_order_total.sql: file V000_20250114_add_order_total.sql is new (not "
          "in migcmd.sum)\n");
  }
  {
    // The same files listed in another order.
    TempDir d;
    d.copy_data("mixed");
    std::string sum = compute_sum_file(d.path());
    std::string body = sum.substr(sum.find('\n') + 1);
    std::size_t first_end = body.find('\n') + 1;
    std::size_t second_end = body.find('\n', first_end) + 1;
    std::string swapped = body.substr(first_end, second_end - first_end) +
                          body.substr(0, first_end) + body.substr(second_end);
    write_consistent_sum(d, swapped);
    CHECK(problems(d.path()) ==
          "0001_create_users.up.sql: file 0001_create_users.up.sql is out of order (migcmd.sum "
          "has 0001_create_users.down.sql in its place)\n");
  }
}

TEST_CASE("an edited sum file is reported as such") {
  TempDir d;
  d.copy_data("mixed");
  write_sum_file(d.path());
  std::string sum = d.read(sum_file_name);
  std::string body = sum.substr(sum.find('\n') + 1);

  auto hash_at = sum.find(" h1:", sum.find("V2__add_orders.sql")) + 4;
  std::string edited = sum;
  edited[hash_at] = edited[hash_at] == '0' ? '1' : '0';
  d.write(sum_file_name, edited);
  CHECK(problems(d.path()) ==
        "migcmd.sum: migcmd.sum itself was edited (its first line does not match the lines below "
        "it)\n");

  d.write(sum_file_name, "hello\n" + body);
  CHECK(problems(d.path()) ==
        "migcmd.sum: migcmd.sum itself was edited (its first line is not h1:<hash>)\n");

  write_consistent_sum(d, replace(body, "V2__add_orders.sql h1:", "V2__add_orders.sql:"));
  CHECK(problems(d.path()) ==
        "migcmd.sum: migcmd.sum itself was edited (line 4 is not \"<file> h1:<hash>\")\n");
}
