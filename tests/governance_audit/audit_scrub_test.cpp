// Secrets never reach the audit: each kind of secret masked, text around it kept, and ordinary
// text left alone.

#include <doctest/doctest.h>

#include "governance_audit/audit_test_support.hpp"
#include "migcmd/governance/audit.hpp"

using namespace migcmd::governance;

TEST_CASE("URL passwords are masked anywhere in the text") {
  CHECK(scrub_secrets("connecting to postgres://app:s3cret@db.example.com:5432/shop failed") ==
        "connecting to postgres://app:***@db.example.com:5432/shop failed");
  CHECK(scrub_secrets("mysql://root:pw@127.0.0.1/x and postgresql://u:p2@h/db") ==
        "mysql://root:***@127.0.0.1/x and postgresql://u:***@h/db");
  CHECK(scrub_secrets("url=\"postgres://a:b@h/db\"") == "url=\"postgres://a:***@h/db\"");
  // Unencoded '@' and '/' in the password.
  CHECK(scrub_secrets("postgres://app:p@ss/w0rd@db/shop") == "postgres://app:***@db/shop");
  // No password, a port, a file: nothing to mask.
  CHECK(scrub_secrets("postgres://app@db:5432/shop") == "postgres://app@db:5432/shop");
  CHECK(scrub_secrets("sqlite:app.db and https://example.com/a:b") ==
        "sqlite:app.db and https://example.com/a:b");
  // A password in the query string.
  CHECK(scrub_secrets("postgres://db/shop?user=app&password=s3cret&sslmode=require") ==
        "postgres://db/shop?user=app&password=***&sslmode=require");
}

TEST_CASE("password=, pwd= and other secret pairs are masked") {
  CHECK(scrub_secrets("host=db password=s3cret user=app") == "host=db password=*** user=app");
  CHECK(scrub_secrets("Server=db;Uid=sa;Pwd=s3cret;Database=shop") ==
        "Server=db;Uid=sa;Pwd=***;Database=shop");
  CHECK(scrub_secrets("PGPASSWORD=s3cret MYSQL_PWD=other psql") ==
        "PGPASSWORD=*** MYSQL_PWD=*** psql");
  CHECK(scrub_secrets(R"({"password": "s3cret", "user": "app"})") ==
        R"({"password": "***", "user": "app"})");
  CHECK(scrub_secrets("password = 'two words'") == "password = '***'");
  CHECK(scrub_secrets("api_key: abc123 and client_secret=xyz, github_token=ghp_1234") ==
        "api_key: *** and client_secret=***, github_token=***");
}

TEST_CASE("bearer tokens and authorization headers are masked") {
  CHECK(scrub_secrets("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc") ==
        "Authorization: Bearer ***");
  CHECK(scrub_secrets("sent bearer abcdefghijklmnop to the hook") == "sent bearer *** to the hook");
  CHECK(scrub_secrets("authorization=Basic dXNlcjpwYXNz") == "authorization=Basic ***");
  CHECK(scrub_secrets("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl leaked") ==
        "token *** leaked");
}

TEST_CASE("ordinary text is left alone") {
  for (const std::string text :
       {"password authentication failed for user \"app\"", "the bearer of bad news",
        "migration 20260101_users: CREATE TABLE users (id int)", "risk: HIGH, waived: drop_column",
        "basic checks passed", "time=2026-11-21T10:00:00Z"}) {
    CHECK(scrub_secrets(text) == text);
  }
  CHECK(scrub_secrets("") == "");
  const std::string long_text(200'000, 'x');  // no regex recursion to overflow
  CHECK(scrub_secrets("password=" + long_text) == "password=***");
}

TEST_CASE("an appended entry is scrubbed in every text field and detail") {
  auto rows = std::make_shared<std::vector<AuditEntry>>();
  AuditLog log(std::make_unique<audit_test::MemoryStore>(rows));
  AuditEntry e = audit_test::entry("alice", "run", 1);
  e.environment = "postgres://app:s3cret@db/prod";
  e.target = "postgres://app:s3cret@db/prod";
  e.message = "could not connect to postgres://app:s3cret@db/prod: password=s3cret";
  e.plan_checksum = "token=s3cret";
  e.details = {{"url", "mysql://root:s3cret@h/x"},
               {"password", "s3cret"},
               {"header", "Authorization: Bearer s3cretToken123"}};
  const AuditEntry stored = log.append(e);
  const std::string all = export_json(*rows) + export_csv(*rows);
  CHECK(all.find("s3cret") == std::string::npos);
  CHECK(stored.message == "could not connect to postgres://app:***@db/prod: password=***");
  CHECK(stored.details.at("password") == "***");
  CHECK(stored.details.at("url") == "mysql://root:***@h/x");
  CHECK(log.verify().ok);  // the hash covers the scrubbed text
}

TEST_CASE("invalid UTF-8 is replaced before hashing so every store keeps it byte for byte") {
  auto rows = std::make_shared<std::vector<AuditEntry>>();
  AuditLog log(std::make_unique<audit_test::MemoryStore>(rows));
  AuditEntry e = audit_test::entry("alice", "run", 1);
  e.message = std::string("bad \xff byte, nul \0 here, caf\xc3\xa9", 29);
  const AuditEntry stored = log.append(e);
  CHECK(stored.message == "bad \xef\xbf\xbd byte, nul \xef\xbf\xbd here, caf\xc3\xa9");
}
