#include "convergence/convergence_runner.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "convergence/seed_rows.hpp"
#include "migcmd/diff.hpp"

namespace migcmd::convergence {
namespace {

using Rows = std::vector<Row>;

void rename_namespace(Schema& schema, const std::string& to) {
  for (auto& n : schema.namespaces) {
    if (n == extra_namespace) n = to;
  }
  for (auto& t : schema.tables) {
    if (t.name.schema == extra_namespace) t.name.schema = to;
    for (auto& k : t.foreign_keys) {
      if (k.referenced_table.schema == extra_namespace) k.referenced_table.schema = to;
    }
  }
}

void rename_collation(Schema& schema, const std::string& to) {
  for (auto& t : schema.tables) {
    for (auto& c : t.columns) {
      if (c.collation == other_collation) c.collation = to;
    }
  }
}

// The pair with the extra namespace and the other collation named as the database names them.
SchemaPair localised(SchemaPair pair, const std::string& namespace_name,
                     const std::string& collation) {
  rename_namespace(pair.current, namespace_name);
  rename_namespace(pair.desired, namespace_name);
  rename_collation(pair.current, collation);
  rename_collation(pair.desired, collation);
  std::map<std::string, std::vector<Value>> values;
  const std::string prefix = std::string(extra_namespace) + ".";
  for (auto& [key, v] : pair.values) {
    values[key.rfind(prefix, 0) == 0 ? namespace_name + "." + key.substr(prefix.size()) : key] =
        std::move(v);
  }
  pair.values = std::move(values);
  return pair;
}

// Whether a value keeps its text through the type change (the seed values are small, short and
// exact): integers of any width, character types of any length, decimals of the same scale.
bool keeps_text(const Type& from, const Type& to) {
  if (from == to) return true;
  auto character = [](const Type& t) {
    return t.kind == TypeKind::string || t.kind == TypeKind::text;
  };
  auto floating = [](const Type& t) {
    return t.kind == TypeKind::float32 || t.kind == TypeKind::float64;
  };
  if (from.is_integer() && to.is_integer()) return true;
  if (character(from) && character(to)) return true;
  if (floating(from) && floating(to)) return true;
  return from.kind == TypeKind::decimal && to.kind == TypeKind::decimal && from.scale == to.scale;
}

// The columns whose values must survive: in a table of `current` that `desired` keeps (under
// its new name), under the column's new name, with a type that keeps the values' text.
struct KeptTable {
  QualifiedName before, after;
  std::vector<std::string> columns_before, columns_after;
};

std::vector<KeptTable> kept_columns(const SchemaPair& pair) {
  std::vector<KeptTable> out;
  for (const auto& t : pair.current.tables) {
    KeptTable kept{t.name, t.name, {}, {}};
    if (auto it = pair.renames.find(to_string(t.name)); it != pair.renames.end()) {
      kept.after.name = it->second;
    }
    const Table* target = pair.desired.find_table(kept.after);
    if (!target) continue;
    for (const auto& c : t.columns) {
      std::string name = c.name;
      if (auto it = pair.renames.find(to_string(kept.after) + "." + c.name);
          it != pair.renames.end()) {
        name = it->second;
      }
      const Column* after = target->find_column(name);
      if (!after || !keeps_text(c.type, after->type)) continue;
      kept.columns_before.push_back(c.name);
      kept.columns_after.push_back(name);
    }
    if (!kept.columns_before.empty()) out.push_back(std::move(kept));
  }
  return out;
}

Rows select_sorted(Connection& connection, const Dialect& dialect, const QualifiedName& table,
                   const std::vector<std::string>& columns) {
  std::vector<std::string> quoted;
  for (const auto& c : columns) quoted.push_back(dialect.quote_identifier(c));
  Rows rows = connection
                  .query(fmt::format("SELECT {} FROM {}", fmt::join(quoted, ", "),
                                     dialect.quote_name(table)))
                  .rows;
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::string describe_rows(const Rows& rows) {
  std::string out;
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row) cells.push_back(cell ? "'" + *cell + "'" : "NULL");
    out += "  (" + fmt::format("{}", fmt::join(cells, ", ")) + ")\n";
  }
  return out;
}

// Runs `before` now and `after` when it goes, whatever happens in between.
class Session {
 public:
  Session(Connection& connection, const std::string& before, std::string after)
      : connection_(connection), after_(std::move(after)) {
    if (!before.empty()) connection_.execute(before);
  }
  ~Session() {
    try {
      if (!after_.empty()) connection_.execute(after_);
    } catch (const std::exception& e) {
      FAIL_CHECK(fmt::format("{} failed: {}", after_, e.what()));
    }
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

 private:
  Connection& connection_;
  std::string after_;
};

class PairRun {
 public:
  PairRun(const Target& target, PairDatabase& db)
      : target_(target), db_(db), dialect_(target.provider->dialect()) {}

  // Returns whether the diff had operations; every failed comparison is a failed CHECK.
  bool run(const SchemaPair& pair) {
    // `current`, created and filled.
    {
      Session setup(db_.connection(), target_.before_create, target_.after_create);
      run_ops(create_operations(pair.current), Schema{}, "creating current");
    }
    OperationList seed;
    for (auto& insert : seed_rows(pair.current, pair.values)) seed.push_back(std::move(insert));
    run_ops(seed, pair.current, "seeding current");

    const bool namespaced = !pair.current.namespaces.empty() || !pair.desired.namespaces.empty();
    const Schema live = read(namespaced);
    expect_empty(live, live, "read(current) diffed against itself");
    expect_empty(live, pair.current, "read(current) diffed against the current model");
    expect_empty(pair.current, live, "the current model diffed against read(current)");

    const auto kept = kept_columns(pair);
    std::vector<Rows> before;
    for (const auto& k : kept) {
      before.push_back(select_sorted(db_.connection(), dialect_, k.before, k.columns_before));
      CHECK_MESSAGE(before.back().size() == static_cast<std::size_t>(seed_row_count), "rows of ",
                    to_string(k.before), " before the migration");
    }

    DiffOptions options;
    options.renames = pair.renames;
    options.dialect = &dialect_;
    const SchemaDiff migration = diff(live, pair.desired, options);
    const SqlCommands commands = dialect_.generate(migration.operations, live);
    INFO("migration:\n", describe(migration, live));
    run_commands(db_.connection(), commands);

    const Schema back = read(namespaced);
    expect_empty(back, pair.desired, "read(after) diffed against desired");
    expect_empty(pair.desired, back, "desired diffed against read(after)");

    for (std::size_t i = 0; i < kept.size(); ++i) {
      const Rows after =
          select_sorted(db_.connection(), dialect_, kept[i].after, kept[i].columns_after);
      CHECK_MESSAGE(after == before[i], "values of ", to_string(kept[i].after), " (",
                    fmt::format("{}", fmt::join(kept[i].columns_after, ", ")), ") before:\n",
                    describe_rows(before[i]), "after:\n", describe_rows(after));
    }
    return !migration.empty();
  }

 private:
  void run_ops(const OperationList& ops, const Schema& against, const char* what) {
    INFO(std::string(what));
    run_commands(db_.connection(), dialect_.generate(ops, against));
  }

  Schema read(bool namespaced) {
    Schema schema = target_.provider->read_schema(db_.connection(), ReadOptions{});
    if (namespaced) {
      // The default schema and the extra one, read as a model names them: the default
      // schema's tables unqualified, the extra one's qualified.
      ReadOptions options;
      options.schemas = {db_.namespace_name()};
      Schema extra = target_.provider->read_schema(db_.connection(), options);
      schema.namespaces = extra.namespaces;
      for (auto& t : extra.tables) schema.tables.push_back(std::move(t));
    }
    return schema;
  }

  std::string describe(const SchemaDiff& d, const Schema& from) const {
    std::string out;
    for (const auto& op : d.operations) out += "  " + migcmd::describe(op) + "\n";
    try {
      for (const auto& c : dialect_.generate(d.operations, from)) out += "  " + c.sql + ";\n";
    } catch (const std::exception& e) {
      out += fmt::format("  (not rendered: {})\n", e.what());
    }
    return out;
  }

  void expect_empty(const Schema& from, const Schema& to, const char* what) {
    DiffOptions options;
    options.dialect = &dialect_;
    const SchemaDiff d = diff(from, to, options);
    CHECK_MESSAGE(d.empty(), std::string(what), " has operations:\n", describe(d, from));
  }

  const Target& target_;
  PairDatabase& db_;
  const Dialect& dialect_;
};

}  // namespace

RunSummary run_convergence(const Target& target) {
  RunSummary summary;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::pair<double, std::string>> slowest;
  for (const SchemaPair& generic : convergence_pairs()) {
    ++summary.pairs;
    if (auto reason = unsupported_reason(generic, target.traits)) {
      summary.left_out.push_back(generic.name + ": " + *reason);
      continue;
    }
    ++summary.supported;
    for (const auto& kind : generic.kinds) ++summary.kinds[kind];
    INFO("pair ", generic.name, " on ", target.name);
    const auto pair_start = std::chrono::steady_clock::now();
    try {
      auto db = target.fresh();
      const SchemaPair pair = localised(generic, db->namespace_name(), target.traits.collation);
      PairRun run(target, *db);
      if (run.run(pair)) {
        ++summary.with_operations;
      } else {
        summary.empty_diffs.push_back(generic.name);
      }
    } catch (const std::exception& e) {
      FAIL_CHECK(fmt::format("pair {} threw: {}", generic.name, e.what()));
    }
    slowest.emplace_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - pair_start).count(),
        generic.name);
  }
  std::sort(slowest.rbegin(), slowest.rend());
  slowest.resize(std::min<std::size_t>(slowest.size(), 5));
  std::vector<std::string> slow;
  for (const auto& [s, name] : slowest) slow.push_back(fmt::format("{} ({:.2f} s)", name, s));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string kinds;
  for (const auto& [kind, count] : summary.kinds) kinds += fmt::format(" {}({})", kind, count);
  MESSAGE(fmt::format(
      "{}: {} pairs, {} supported, {} with operations, in {:.1f} s (slowest: {})\nkinds:{}\n"
      "left out:\n  {}\nsame schema on this database (empty diff):\n  {}",
      target.name, summary.pairs, summary.supported, summary.with_operations, seconds,
      fmt::join(slow, ", "), kinds, fmt::join(summary.left_out, "\n  "),
      fmt::join(summary.empty_diffs, "\n  ")));
  return summary;
}

}  // namespace migcmd::convergence
