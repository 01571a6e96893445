// analyze(): walks a migration's statements (SQL) or operations (code) in order, asks the rules,
// and turns what they say into findings with their waivers.

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/apply_operation.hpp"
#include "migcmd/error.hpp"
#include "migcmd/governance/risk.hpp"
#include "migcmd/migration.hpp"
#include "migcmd/sql_splitter.hpp"
#include "risk/analysis.hpp"
#include "risk/waivers.hpp"

namespace migcmd::governance {
namespace {

using risk::Hit;
using risk::Waiver;

bool applies(const RiskRuleInfo& rule, std::string_view dialect) {
  return rule.dialects.empty() ||
         std::find(rule.dialects.begin(), rule.dialects.end(), dialect) != rule.dialects.end();
}

// Where findings of one script go, and the waivers that may cover them.
class FindingSink {
 public:
  FindingSink(const MigrationScript& migration, std::string source, std::string_view dialect,
              RiskReport& report)
      : migration_(migration), source_(std::move(source)), dialect_(dialect), report_(report) {}

  // Waivers for the whole script; each is checked for a reason and known rules.
  void file_waivers(std::vector<Waiver> waivers) {
    for (const auto& w : waivers) problems(w, 0);
    file_waivers_ = std::move(waivers);
  }

  void add(const Hit& hit, int line, int statement, const std::string& sql,
           const std::vector<const Waiver*>& statement_waivers) {
    const RiskRuleInfo& rule = risk::rule(hit.id);
    if (!applies(rule, dialect_)) return;
    RiskFinding f;
    f.code = rule.code;
    f.rule = rule.name;
    f.level = rule.level;
    f.message = hit.message;
    f.suggestion = hit.suggestion.empty() ? rule.safer : hit.suggestion;
    f.migration = migration_.display_name();
    f.source = source_;
    f.line = line;
    f.statement = statement;
    f.sql = sql;
    for (const Waiver* w : statement_waivers) {
      if (!f.waiver && w->covers(rule)) f.waiver = w->reason;
    }
    for (const Waiver& w : file_waivers_) {
      if (!f.waiver && w.covers(rule)) f.waiver = w.reason;
    }
    report_.findings.push_back(std::move(f));
  }

  // Findings about a waiver itself: no reason, or a rule that does not exist. These cannot be
  // waived.
  void problems(const Waiver& w, int statement) {
    RiskFinding base;
    base.migration = migration_.display_name();
    base.source = source_;
    base.line = w.line;
    base.statement = statement;
    base.sql = w.text;
    const auto add = [&](risk::RuleId id, std::string message) {
      const RiskRuleInfo& rule = risk::rule(id);
      RiskFinding f = base;
      f.code = rule.code;
      f.rule = rule.name;
      f.level = rule.level;
      f.message = std::move(message);
      f.suggestion = rule.safer;
      report_.findings.push_back(std::move(f));
    };
    if (w.reason.empty()) {
      add(risk::RuleId::waiver_without_reason,
          fmt::format("waiver \"{}\" gives no reason, so it waives nothing", w.text));
    }
    for (const auto& name : w.rules) {
      if (!find_risk_rule(name)) {
        add(risk::RuleId::unknown_waiver_rule,
            fmt::format("waiver \"{}\" names no known rule \"{}\"", w.text, name));
      }
    }
    if (w.rules.empty()) {
      add(risk::RuleId::unknown_waiver_rule, fmt::format("waiver \"{}\" names no rule", w.text));
    }
  }

 private:
  const MigrationScript& migration_;
  std::string source_;
  std::string_view dialect_;
  RiskReport& report_;
  std::vector<Waiver> file_waivers_;
};

// Offsets in `script` where each statement ends (the splitter gives first lines only): a
// statement's text is the script's own, from its first token to its last.
std::vector<std::size_t> statement_ends(std::string_view script,
                                        const std::vector<SqlStatement>& statements,
                                        int first_line) {
  std::vector<std::size_t> line_starts = {0};
  for (std::size_t i = 0; i < script.size(); ++i) {
    if (script[i] == '\n') line_starts.push_back(i + 1);
  }
  std::vector<std::size_t> ends;
  std::size_t floor = 0;
  for (const auto& s : statements) {
    const auto local = static_cast<std::size_t>(std::max(0, s.line - first_line));
    const std::size_t from =
        std::max(floor, local < line_starts.size() ? line_starts[local] : script.size());
    const std::size_t at = s.text.empty() ? std::string_view::npos : script.find(s.text, from);
    floor = at == std::string_view::npos ? from + 1 : at + s.text.size();
    ends.push_back(floor);
  }
  return ends;
}

void analyze_sql(const MigrationScript& m, const Dialect& dialect, Direction direction,
                 RiskReport& report) {
  const bool up = direction == Direction::up;
  if (!up && !m.has_down) return;
  const std::string& text = up ? m.up_sql : m.down_sql;
  const std::string source = up || m.down_source.empty() ? m.source : m.down_source;
  const int first_line = up ? m.up_line : m.down_line;
  const bool transactional = up ? m.metadata.transactional : m.metadata.down_transactional;
  const std::string dialect_name(dialect.name());

  const auto statements = split_sql(text, dialect_name, source, first_line);
  std::vector<risk::ParsedStatement> parsed;
  parsed.reserve(statements.size());
  for (const auto& s : statements) parsed.push_back(risk::parse_statement(s.text, dialect_name));

  RiskReport own;
  FindingSink sink(m, source, dialect_name, own);
  std::vector<Waiver> file_waivers;
  std::vector<Waiver> statement_waivers;
  for (auto& w : risk::find_waivers(text, dialect_name, first_line)) {
    (w.file_scope ? file_waivers : statement_waivers).push_back(std::move(w));
  }
  for (const auto& w : m.metadata.waivers) {
    Waiver waiver;
    waiver.file_scope = true;
    waiver.rules = {w.rule};
    waiver.reason = w.reason;
    waiver.text = fmt::format("waiver {}: {}", w.rule, w.reason);
    file_waivers.push_back(std::move(waiver));
  }
  sink.file_waivers(std::move(file_waivers));

  // A statement waiver belongs to the statement after the comment, or around it when the
  // comment sits inside a statement: the first statement ending after the comment.
  const auto ends = statement_ends(text, statements, first_line);
  std::vector<std::vector<const Waiver*>> waivers_of(statements.size());
  for (const auto& w : statement_waivers) {
    const auto next = std::upper_bound(ends.begin(), ends.end(), w.offset);
    const auto index = static_cast<std::size_t>(next - ends.begin());
    if (index < statements.size()) waivers_of[index].push_back(&w);
    sink.problems(w, index < statements.size() ? static_cast<int>(index) + 1 : 0);
  }

  risk::MigrationState state(dialect_name, dialect.capabilities().transactional_ddl,
                             risk::facts_of(parsed));
  const risk::StatementContext context{transactional, true};
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    for (const auto& hit : risk::check_statement(parsed[i], state, context)) {
      sink.add(hit, statements[i].line, static_cast<int>(i) + 1, statements[i].text, waivers_of[i]);
    }
  }
  // Waiver problems were found first: put every finding in line order.
  std::stable_sort(own.findings.begin(), own.findings.end(),
                   [](const RiskFinding& a, const RiskFinding& b) { return a.line < b.line; });
  for (auto& f : own.findings) report.findings.push_back(std::move(f));
}

void analyze_code(const MigrationScript& m, const Dialect& dialect, Direction direction,
                  Schema& model, RiskReport& report) {
  const bool up = direction == Direction::up;
  const std::string name = m.display_name();
  const std::string dialect_name(dialect.name());
  const OperationList ops = up ? up_operations(*m.code, name) : down_operations(*m.code, name);
  Schema before = model;
  if (!up) {
    // down() undoes up(): it runs against the schema up() produced.
    for (const auto& op : up_operations(*m.code, name)) {
      try {
        apply_operation(before, op);
      } catch (const Error&) {
      }
    }
  }
  const bool transactional = up ? m.metadata.transactional : m.metadata.down_transactional;

  std::vector<std::vector<risk::ParsedStatement>> raw(ops.size());
  std::vector<std::vector<SqlStatement>> raw_text(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (const auto* sql = std::get_if<RawSql>(&ops[i])) {
      raw_text[i] = split_sql(sql->for_dialect(dialect_name), dialect_name, m.source);
      for (const auto& s : raw_text[i]) {
        raw[i].push_back(risk::parse_statement(s.text, dialect_name));
      }
    }
  }

  FindingSink sink(m, m.source, dialect_name, report);
  std::vector<Waiver> waivers;
  for (const auto& w : m.metadata.waivers) {
    Waiver waiver;
    waiver.file_scope = true;
    waiver.rules = {w.rule};
    waiver.reason = w.reason;
    waiver.text = fmt::format("waiver {}: {}", w.rule, w.reason);
    waivers.push_back(std::move(waiver));
  }
  sink.file_waivers(std::move(waivers));

  risk::MigrationState state(dialect_name, dialect.capabilities().transactional_ddl,
                             risk::facts_of(ops, raw));
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const Operation& op = ops[i];
    const int statement = static_cast<int>(i) + 1;
    std::vector<Hit> hits = risk::check_operation(op, before, state);

    SqlCommands commands;
    try {
      commands = dialect.generate({op}, before);
    } catch (const Error&) {
      // The dialect needs a definition the replayed model lacks (a table from a SQL migration):
      // the operation's own rules still apply.
    }
    std::string sql;
    for (const auto& c : commands) sql += (sql.empty() ? "" : ";\n") + c.sql;
    if (sql.empty()) sql = describe(op);

    if (const auto* raw_sql = std::get_if<RawSql>(&op)) {
      const risk::StatementContext context{transactional && !raw_sql->suppress_transaction, true};
      for (const auto& parsed : raw[i]) {
        for (auto& hit : risk::check_statement(parsed, state, context)) {
          hits.push_back(std::move(hit));
        }
      }
    } else {
      for (const auto& c : commands) {
        const risk::StatementContext context{transactional && c.placement == Placement::transaction,
                                             false};
        for (auto& hit :
             risk::check_statement(risk::parse_statement(c.sql, dialect_name), state, context)) {
          const bool known =
              std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.id == hit.id; });
          if (risk::decided_by_rendered_sql(hit.id) && !known) hits.push_back(std::move(hit));
        }
      }
    }
    for (const auto& hit : hits) sink.add(hit, 0, statement, sql, {});
    try {
      apply_operation(before, op);
    } catch (const Error&) {
      // The table came from a SQL migration the model cannot see.
    }
  }
  if (up) model = std::move(before);
}

}  // namespace

RiskReport analyze(const MigrationScript& migration, const Dialect& dialect, Direction direction) {
  RiskReport report;
  if (migration.code) {
    Schema model;
    analyze_code(migration, dialect, direction, model, report);
  } else {
    analyze_sql(migration, dialect, direction, report);
  }
  return report;
}

RiskReport analyze(const std::vector<MigrationScript>& migrations, const Dialect& dialect) {
  RiskReport report;
  Schema model;
  for (const auto& m : migrations) {
    if (m.code) {
      analyze_code(m, dialect, Direction::up, model, report);
    } else {
      analyze_sql(m, dialect, Direction::up, report);
    }
  }
  return report;
}

}  // namespace migcmd::governance
