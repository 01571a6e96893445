// platform_hooks: an in-house deployment platform that embeds migcmd's governance.
//
// The platform already knows who is deploying (its single sign-on session) and already has a
// change board that says yes or no to each release. It plugs both into the migrator:
// - PlatformIdentity, an IdentityProvider: the user and the groups the SSO session vouches for
//   (here $PLATFORM_USER and $PLATFORM_GROUPS, which the platform sets for the job);
// - ChangeBoardGate, a RunGate: asks the change board about the exact plan the migrator is about
//   to run (under the migration lock), and only when the board says yes hands over to migcmd's
//   own GovernanceGate (permissions for the environment's tier, environment locks, risk,
//   windows, approvals). Either refusal stops the run before anything changes, and both land in
//   the same tamper-evident audit trail.
// The change board's answer is read from a file here (what a webhook or a ticket system would
// write); any callable with the same signature will do.
//
//   platform_hooks DIR    DIR holds app.db (the database), decision.txt ("allow TICKET" or
//                         "deny REASON"), and the governance state and audit trail.
// Exit status: 0 applied (or nothing to do), 8 refused, 1 any other error.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/governance_gate.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/state_store.hpp"
#include "migcmd/migcmd.hpp"
#include "migcmd/migration_registry.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migcmd/providers/sqlite.hpp"

namespace fs = std::filesystem;
namespace gov = migcmd::governance;

namespace {

// --- The platform's identity: its SSO session, not whoever runs the process. -------------------
class PlatformIdentity final : public gov::IdentityProvider {
 public:
  [[nodiscard]] gov::Identity current() const override {
    const char* user = std::getenv("PLATFORM_USER");
    if (!user || !*user) {
      throw migcmd::Error(migcmd::ErrorCode::permission_denied, "no platform session",
                          "the platform sets PLATFORM_USER for every deployment job");
    }
    gov::Identity identity{user, {}, "platform-sso"};
    // The groups become roles of the project (e.g. "dba"); unknown names are ignored.
    const std::string groups = std::getenv("PLATFORM_GROUPS") ? std::getenv("PLATFORM_GROUPS") : "";
    for (std::size_t start = 0; start < groups.size();) {
      const std::size_t comma = std::min(groups.find(',', start), groups.size());
      if (comma > start) identity.roles.push_back(groups.substr(start, comma - start));
      start = comma + 1;
    }
    return identity;
  }
};

// --- The change board: an external yes or no for one plan. -------------------------------------
struct BoardDecision {
  bool allowed = false;
  std::string reason;  // the ticket that allows it, or why not
};
using ChangeBoard = std::function<BoardDecision(const std::vector<std::string>& versions)>;

// The board's answer as the platform's ticket system left it in a file: "allow CHG-1042" or
// "deny freeze until Monday". No file, or anything else, is a no: the default must be safe.
ChangeBoard board_from_file(fs::path file) {
  return [file = std::move(file)](const std::vector<std::string>&) {
    std::ifstream in(file);
    std::string verb, reason;
    if (!(in >> verb)) return BoardDecision{false, "no decision from the change board yet"};
    std::getline(in >> std::ws, reason);
    if (verb == "allow") return BoardDecision{true, reason};
    return BoardDecision{false, reason.empty() ? "refused by the change board" : reason};
  };
}

// --- The gate the migrator consults: the change board first, then migcmd's own governance. -----
class ChangeBoardGate final : public migcmd::RunGate {
 public:
  ChangeBoardGate(ChangeBoard board, gov::GovernanceGate& governance, gov::AuditLog& audit,
                  gov::Identity identity, std::string environment)
      : board_(std::move(board)),
        governance_(governance),
        audit_(audit),
        identity_(std::move(identity)),
        environment_(std::move(environment)) {}

  void authorize(const migcmd::Plan& plan) override {
    std::vector<std::string> versions;
    for (const auto& step : plan.steps) versions.push_back(step.migration->version);
    // A dry run changes nothing: the board is not asked, governance still checks dry_run.
    if (!plan.dry_run && !versions.empty()) {
      const BoardDecision decision = board_(versions);
      if (!decision.allowed) {
        // Audited here: GovernanceGate never sees this run. Throwing refuses it with nothing
        // changed; the migrator releases the lock.
        gov::AuditEntry entry;
        entry.actor = identity_.user;
        entry.action = "run";
        entry.result = gov::audit_result::refused;
        entry.environment = environment_;
        entry.target = join(versions);
        entry.message = "change board: " + decision.reason;
        entry.details = {{"check", "change_board"}, {"identity_source", identity_.source}};
        audit_.append(entry);
        throw migcmd::Error(migcmd::ErrorCode::refused,
                            "the change board refused the run: " + decision.reason,
                            "ask the change board to approve the release, then deploy again");
      }
      std::printf("change board: allowed (%s)\n", decision.reason.c_str());
    }
    governance_.authorize(plan);  // permissions, locks, risk, windows, approvals; audited
  }

  // Everything else goes to the governance gate, which audits each migration and the outcome.
  void authorize_maintenance(std::string_view action,
                             const std::vector<std::string>& versions) override {
    governance_.authorize_maintenance(action, versions);
  }
  void migration_started(const migcmd::PlannedStep& step) override {
    governance_.migration_started(step);
  }
  void statement_done(const migcmd::StatementEvent& event) override {
    governance_.statement_done(event);
  }
  void migration_done(const migcmd::PlannedStep& step, std::chrono::milliseconds took) override {
    governance_.migration_done(step, took);
  }
  void migration_failed(const migcmd::PlannedStep& step, const std::string& error,
                        int statement) override {
    governance_.migration_failed(step, error, statement);
  }
  void run_finished(const migcmd::Plan& plan, const std::vector<std::string>& done,
                    const std::string& error) override {
    governance_.run_finished(plan, done, error);
  }

 private:
  static std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
  }

  ChangeBoard board_;
  gov::GovernanceGate& governance_;
  gov::AuditLog& audit_;
  gov::Identity identity_;
  std::string environment_;
};

// --- The application's migrations. -------------------------------------------------------------
struct CreateInvoices : migcmd::Migration {
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("invoices", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("customer").max_length(200).not_null();
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null();
      t.primary_key({"id"});
    });
  }
};

struct IndexInvoicesByCustomer : migcmd::Migration {
  void up(migcmd::MigrationBuilder& b) override {
    b.create_index("ix_invoices_customer", "invoices", {"customer"});
  }
};

// The platform's governance settings: one staging environment; the roles come from SSO groups.
constexpr const char* project_json = R"({
  "environments": {"staging": {"tier": "staging", "url_env": "PLATFORM_STAGING_URL"}}
})";

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: platform_hooks DIR\n");
    return 2;
  }
  const fs::path dir = argv[1];
  migcmd::MigrationRegistry registry;
  registry.add<CreateInvoices>("20250301100000", "create_invoices");
  registry.add<IndexInvoicesByCustomer>("20250301100500", "index_invoices_by_customer");

  try {
    const gov::ProjectConfig config =
        gov::project_config_from_json(project_json, (dir / "migcmd.json").string());
    gov::StateStore state(dir / "governance.db");
    gov::AuditLog audit = gov::open_audit_log(dir / "audit.db");
    const PlatformIdentity identity_provider;
    const gov::Identity identity = identity_provider.current();

    auto provider = migcmd::sqlite::make_provider();
    auto db = provider->connect("sqlite:" + (dir / "app.db").string());
    gov::GovernanceGate governance(config, state, audit, identity, provider->dialect(),
                                   gov::GateSettings{"staging"});
    ChangeBoardGate gate(board_from_file(dir / "decision.txt"), governance, audit, identity,
                         "staging");

    migcmd::Migrator migrator(*db, *provider, registry.scripts(),
                              {.applied_by = identity.user, .gate = &gate});
    int status = 0;
    try {
      const auto result = migrator.up();
      std::printf("applied %zu migration(s) as %s\n", result.applied.size(), identity.user.c_str());
    } catch (const migcmd::Error& e) {
      if (e.code() != migcmd::ErrorCode::refused &&
          e.code() != migcmd::ErrorCode::permission_denied) {
        throw;
      }
      std::printf("refused: %s\n", e.what());
      status = 8;
    }

    std::printf("audit trail (chain %s):\n", audit.verify().ok ? "verified" : "BROKEN");
    for (const auto& e : audit.entries()) {
      std::printf("  #%lld %s %s %s %s%s%s\n", static_cast<long long>(e.sequence), e.actor.c_str(),
                  e.action.c_str(), e.result.c_str(), e.target.c_str(),
                  e.message.empty() ? "" : " -- ", e.message.c_str());
    }
    return status;
  } catch (const migcmd::Error& e) {
    std::fprintf(stderr, "platform_hooks: %s\n", e.what());
    return 1;
  }
}
