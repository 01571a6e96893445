// `audit verify`, `audit export` and `audit log`: the tamper-evident audit trail, read-only.
// Where it lives: --audit FILE; else, in a project (migcmd.json), the trail its "audit" section
// names (a file or a database table), after checking the audit.verify / audit.export /
// audit.view permission (the check is itself audited); else $MIGCMD_AUDIT; else
// ./.migcmd/audit.db relative to the working directory. The HMAC key of a keyed chain comes from
// the variable the project names (hmac_key_env), else $MIGCMD_AUDIT_KEY.

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/command.hpp"
#include "cli/policy_session.hpp"
#include "cli/table.hpp"
#include "migcmd/file_write.hpp"
#include "migcmd/governance/audit.hpp"

namespace po = boost::program_options;
namespace gov = migcmd::governance;

namespace migcmd::cli {
namespace {

constexpr std::size_t max_message_width = 80;

void audit_options(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()
      // clang-format off
      ("subcommand", po::value<std::string>()->value_name("WHAT"), "verify, export or log")
      ("audit", po::value<std::string>()->value_name("FILE"),
       "the audit file (default: the one migcmd.json names, else $MIGCMD_AUDIT, else"
       " ./.migcmd/audit.db)")
      ("format", po::value<std::string>()->value_name("FORMAT")->default_value("json"),
       "export: json or csv")
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "export: write to FILE instead of stdout")
      ("since", po::value<std::string>()->value_name("TIME"),
       "export, log: entries at or after TIME (2026-11-21, 2026-11-21T14:05, ...; UTC unless"
       " an offset is given)")
      ("until", po::value<std::string>()->value_name("TIME"), "export, log: entries before TIME")
      ("user", po::value<std::string>()->value_name("USER"), "export, log: entries by USER")
      ("action", po::value<std::string>()->value_name("ACTION"),
       "export, log: entries of ACTION (run, migration, approve, ...)")
      ("limit", po::value<std::int64_t>()->value_name("N")->default_value(50),
       "log: the N newest entries");
  // clang-format on
  pos.add("subcommand", 1);
}

void require_trail(const std::filesystem::path& file, ErrorCode missing) {
  // Reading never creates a trail: a missing one is reported, not replaced by an empty (and so
  // "intact") one.
  if (!std::filesystem::exists(file)) {
    throw Error(missing, fmt::format("no audit trail at {}", file.string()),
                "pass --audit FILE, set $MIGCMD_AUDIT, or name the file in migcmd.json's "
                "\"audit\" section");
  }
}

std::optional<std::string> variable(const std::string& name) {
  if (name.empty()) return std::nullopt;
  const char* value = std::getenv(name.c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

// The trail to read, and the project session that allowed it (without migcmd.json: none).
struct OpenedTrail {
  PolicySession session;
  std::unique_ptr<gov::AuditLog> own;
  gov::AuditLog* log = nullptr;
};

OpenedTrail open_trail(Context& context, const po::variables_map& args, gov::Permission permission,
                       const std::string& action, ErrorCode missing) {
  const GlobalOptions& g = context.options();
  const bool given = args.count("audit") > 0;
  std::error_code ec;
  if (!given && std::filesystem::exists(g.config, ec)) {
    // Before the session opens the project's trail, which creates it.
    const gov::ProjectConfig config = gov::load_project_config(g.config);
    if (config.audit.url_env.empty()) require_trail(config.audit.file, missing);
  }
  OpenedTrail t{open_policy_session(context, /*config_required=*/false), nullptr, nullptr};
  if (t.session.has_config) require_permission(t.session, permission, action);
  if (!given && t.session.audit) {
    t.log = t.session.audit.get();
    return t;
  }
  const std::filesystem::path file =
      given ? std::filesystem::path(args["audit"].as<std::string>()) : gov::default_audit_path();
  require_trail(file, missing);
  const auto key = t.session.has_config ? variable(t.session.config.audit.hmac_key_env)
                                        : gov::audit_key_from_environment();
  t.own = std::make_unique<gov::AuditLog>(gov::open_audit_log(file, key));
  t.log = t.own.get();
  return t;
}

gov::AuditFilter filter_from(const Context& context, const po::variables_map& args) {
  gov::AuditFilter f;
  if (args.count("since")) f.since = gov::parse_audit_time(args["since"].as<std::string>());
  if (args.count("until")) f.until = gov::parse_audit_time(args["until"].as<std::string>());
  // --env is a global option (the environment acted on); here it picks the entries about it.
  if (context.options().environment) f.environment = *context.options().environment;
  if (args.count("user")) f.actor = args["user"].as<std::string>();
  if (args.count("action")) f.action = args["action"].as<std::string>();
  return f;
}

int audit_verify(Context& context, const po::variables_map& args) {
  OpenedTrail trail = open_trail(context, args, gov::Permission::audit_verify, "audit_verify",
                                 ErrorCode::validation_failed);
  gov::AuditLog& log = *trail.log;
  const gov::AuditVerification v = log.verify();
  const std::string where = log.store().describe();
  const char* chain = log.keyed() ? "HMAC-SHA256" : "SHA-256";
  if (!v.ok) {
    throw DetailedError(
        ErrorCode::validation_failed,
        fmt::format("the audit trail is broken: {} ({}, {} entries)", v.problem, where, v.entries),
        log.keyed() ? "the entries from there on cannot be trusted; compare with a backup or an "
                      "export of the trail"
                    : "the entries from there on cannot be trusted; compare with a backup or an "
                      "export of the trail (a keyed chain, $MIGCMD_AUDIT_KEY, also resists "
                      "rewriting)",
        {{"entries", v.entries},
         {"first_bad_sequence",
          v.first_bad_sequence ? nlohmann::json(*v.first_bad_sequence) : nlohmann::json(nullptr)},
         {"problem", v.problem}});
  }
  // Verification cannot see the newest entries deleted (the shorter chain is sound): the head
  // is printed so that it can be kept elsewhere and compared later.
  gov::AuditFilter newest;
  newest.newest_first = true;
  newest.limit = 1;
  const auto head = log.entries(newest);
  Output& out = context.output();
  if (out.json()) {
    out.json_result("audit verify",
                    {{"intact", true},
                     {"entries", v.entries},
                     {"chain", chain},
                     {"audit", where},
                     {"head_sequence", head.empty() ? nlohmann::json(nullptr)
                                                    : nlohmann::json(head.front().sequence)},
                     {"head_hash",
                      head.empty() ? nlohmann::json(nullptr) : nlohmann::json(head.front().hash)}});
  } else {
    out.line(fmt::format("the audit trail is intact: {} entries, {} chain ({})", v.entries, chain,
                         where));
    if (!head.empty()) {
      out.line(fmt::format("newest entry {}, hash {}", head.front().sequence, head.front().hash));
    }
  }
  return 0;
}

int audit_export(Context& context, const po::variables_map& args) {
  const std::string format = args["format"].as<std::string>();
  if (format != "json" && format != "csv") {
    throw Error(ErrorCode::usage, fmt::format("unknown export format \"{}\"", format),
                "use --format json or --format csv");
  }
  const gov::AuditFilter filter = filter_from(context, args);
  OpenedTrail trail =
      open_trail(context, args, gov::Permission::audit_export, "audit_export", ErrorCode::io_error);
  const auto entries = trail.log->entries(filter);
  const std::string document =
      format == "json" ? gov::export_json(entries) : gov::export_csv(entries);
  Output& out = context.output();
  if (!args.count("output")) {
    out.out_stream() << document << std::flush;
    return 0;
  }
  const std::filesystem::path file = args["output"].as<std::string>();
  write_file_atomically(file, document);
  if (out.json()) {
    out.json_result("audit export",
                    {{"file", file.string()}, {"format", format}, {"entries", entries.size()}});
  } else {
    out.line(
        fmt::format("wrote {} audit entries to {} ({})", entries.size(), file.string(), format));
  }
  return 0;
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (text.size() > max_message_width) text = text.substr(0, max_message_width - 3) + "...";
  return text;
}

int audit_log(Context& context, const po::variables_map& args) {
  gov::AuditFilter filter = filter_from(context, args);
  filter.newest_first = true;
  filter.limit = args["limit"].as<std::int64_t>();
  if (*filter.limit < 1) {
    throw Error(ErrorCode::usage, "--limit must be at least 1", "e.g. --limit 20");
  }
  OpenedTrail trail =
      open_trail(context, args, gov::Permission::audit_view, "audit_view", ErrorCode::io_error);
  gov::AuditLog& log = *trail.log;
  const auto entries = log.entries(filter);
  Output& out = context.output();
  if (out.json()) {
    out.json_result("audit log", {{"entries", nlohmann::json::parse(gov::export_json(entries))}});
    return 0;
  }
  if (entries.empty()) {
    out.line(fmt::format("no audit entries ({})", log.store().describe()));
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : entries) {
    rows.push_back({std::to_string(e.sequence), e.time, e.actor, e.action, e.result,
                    e.environment.empty() ? "-" : e.environment, e.target.empty() ? "-" : e.target,
                    one_line(e.message)});
  }
  std::string table = render_table(
      {"SEQ", "TIME (UTC)", "USER", "ACTION", "RESULT", "ENV", "TARGET", "MESSAGE"}, rows);
  table.pop_back();  // line() ends the last line
  out.line(table);
  return 0;
}

int run_audit(Context& context, const po::variables_map& args) {
  const std::string what = args.count("subcommand") ? args["subcommand"].as<std::string>() : "";
  if (what == "verify") return audit_verify(context, args);
  if (what == "export") return audit_export(context, args);
  if (what == "log") return audit_log(context, args);
  throw Error(ErrorCode::usage,
              what.empty() ? std::string("audit needs a subcommand")
                           : fmt::format("unknown audit subcommand \"{}\"", what),
              "use `migcmd audit verify`, `migcmd audit export` or `migcmd audit log`");
}

}  // namespace

Command audit_command() {
  return {"audit",
          "audit verify | audit export [--format json|csv] [--since T] [--until T] [--env E] "
          "[--user U] [--action A] [--output FILE] | audit log [--limit N]",
          "verify, export or list the tamper-evident audit trail",
          "Every governed action, allowed or refused, is appended to a hash-chained audit trail. "
          "`audit verify` checks the chain and names the first edited, deleted, inserted or "
          "reordered entry (exit status 3 when it is broken). `audit export` writes the entries "
          "as JSON or CSV (RFC 4180), filtered by time range (--since inclusive, --until "
          "exclusive), environment (--env), user and action. `audit log` lists the newest "
          "entries first. The trail is the SQLite file --audit FILE; else, with a migcmd.json, the "
          "trail its \"audit\" section names (reading it needs the audit.verify, audit.export or "
          "audit.view permission); else $MIGCMD_AUDIT; else ./.migcmd/audit.db relative to the "
          "working directory. A keyed chain (HMAC-SHA256) takes its key from the variable "
          "migcmd.json names (hmac_key_env), else $MIGCMD_AUDIT_KEY.",
          audit_options,
          run_audit};
}

}  // namespace migcmd::cli
