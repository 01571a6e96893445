// Edits of migcmd.json that change permissions or approvals are noticed: the first use stores the
// settings fingerprint silently; afterwards each difference is told in plain words in ONE audit
// entry; an unchanged file (or a change of anything else) records nothing.

#include <doctest/doctest.h>

#include <string>

#include "governance_policy/policy_test_support.hpp"
#include "migcmd/governance/settings_changes.hpp"

using namespace migcmd::governance;

namespace {

// The sample configuration with `from` replaced by `to` (which must be there).
std::string edited(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
  return text;
}

struct Fixture {
  policy_test::TempDir dir;
  StateStore store{dir.path() / "governance.db"};
  AuditLog audit = open_audit_log(dir.path() / "audit.db");
  Identity observer{"alice", {}, "test"};

  std::vector<std::string> record(const std::string& text) {
    return record_settings_changes(project_config_from_json(text), store, &audit, observer);
  }
  std::vector<AuditEntry> changes() {
    AuditFilter filter;
    filter.action = "settings_change";
    return audit.entries(filter);
  }
};

}  // namespace

TEST_CASE("the first use only stores the fingerprint; the same settings again record nothing") {
  Fixture f;
  CHECK_FALSE(f.store.settings_fingerprint().has_value());
  CHECK(f.record(policy_test::sample_config).empty());
  CHECK(f.store.settings_fingerprint() ==
        settings_fingerprint(project_config_from_json(policy_test::sample_config)));
  CHECK(f.record(policy_test::sample_config).empty());
  // URL variables, notifications and comments do not decide permissions.
  std::string other = edited(policy_test::sample_config, "DEV_DATABASE_URL", "DEV_URL");
  other = edited(other, "// The sample project.", "// Edited.");
  CHECK(f.record(other).empty());
  CHECK(f.changes().empty());
}

TEST_CASE("each kind of edit gives its sentence, in one audit entry per edit") {
  Fixture f;
  std::string text = policy_test::sample_config;
  (void)f.record(text);

  text = edited(text, R"("bob": ["developer"])", R"("bob": ["developer", "dba"])");
  CHECK(f.record(text) ==
        std::vector<std::string>{"member bob: roles developer -> developer, dba"});

  text = edited(text, R"("permissions": ["approve.*"])",
                R"("permissions": ["approve.development", "approve.staging"])");
  CHECK(f.record(text) ==
        std::vector<std::string>{"role tech_lead: permissions removed approve.production"});
  text = edited(text, R"("approve.development", "approve.staging"])",
                R"("approve.development", "approve.staging", "approve.production"])");
  CHECK(f.record(text) ==
        std::vector<std::string>{"role tech_lead: permissions added approve.production"});

  text = edited(text, R"("match": "at_least", "approvals": 3,)",
                R"("match": "at_least", "approvals": 2,)");
  auto changes = f.record(text);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0] ==
        "approval rule for production HIGH changed: production, risk HIGH or above: 3 approvals "
        "including dba, tech_lead, valid 24h -> production, risk HIGH or above: 2 approvals "
        "including dba, tech_lead, valid 24h");

  text = edited(text, R"("staging": {"tier": "staging")", R"("staging": {"tier": "production")");
  CHECK(f.record(text) ==
        std::vector<std::string>{"environment staging: tier staging -> production"});

  // Several edits at once: one entry naming them all.
  text = edited(text, R"("victor": ["viewer"])", R"("victor": ["viewer"], "zoe": ["admin"])");
  text = edited(text, R"("from": "22:00")", R"("from": "21:00")");
  text = edited(text,
                "\"expires\": \"24h\"},\n    {\"tier\": \"staging\", \"approvals\": 1, "
                "\"expires\": \"30m\"}",
                "\"expires\": \"24h\"}");
  changes = f.record(text);
  CHECK(changes == std::vector<std::string>{
                       "member zoe added: roles admin",
                       "approval rule for staging LOW removed (was: staging, risk LOW or above: 1 "
                       "approval, valid 30m)",
                       "window weeknights: mon,tue,wed,thu 22:00-02:00 UTC -> mon,tue,wed,thu "
                       "21:00-02:00 UTC"});
  CHECK(f.record(text).empty());  // seen now: nothing more

  const auto entries = f.changes();
  REQUIRE(entries.size() == 6);
  CHECK(entries[0].actor == "alice");
  CHECK(entries[0].action == "settings_change");
  CHECK(entries[0].message ==
        "migcmd.json changed since it was last used: member bob: roles developer -> developer, "
        "dba");
  CHECK(entries[0].target == "migcmd.json");
  CHECK(entries[5].details.at("changes") == "3");
  CHECK(entries[5].message.find("member zoe added: roles admin; approval rule for staging LOW "
                                "removed") != std::string::npos);
  CHECK(f.audit.verify().ok);
}

TEST_CASE("two stores on the same file: the change is recorded once") {
  Fixture f;
  StateStore other(f.dir.path() / "governance.db");
  (void)f.record(policy_test::sample_config);
  const auto text =
      edited(policy_test::sample_config, R"("bob": ["developer"])", R"("bob": ["dba"])");
  const auto config = project_config_from_json(text);
  CHECK(record_settings_changes(config, other, &f.audit, Identity{"dave", {}, "test"}).size() == 1);
  CHECK(f.record(text).empty());
  CHECK(f.changes().size() == 1);
}
