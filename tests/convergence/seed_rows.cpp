#include "convergence/seed_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace migcmd::convergence {
namespace {

// A value of `type` for row `row`: distinct per row, positive, short enough for any length.
Value generated(const Column& column, int row) {
  const Type& type = column.type;
  switch (type.kind) {
    case TypeKind::boolean:
      return Value{row % 2 == 0};
    case TypeKind::int16:
    case TypeKind::int32:
    case TypeKind::int64:
      return Value{row + 1};
    case TypeKind::decimal:
      // Exact in binary floating point, so no database rounds it differently.
      return type.scale.value_or(0) > 0 ? Value{row + 1.5} : Value{row + 1};
    case TypeKind::float32:
    case TypeKind::float64:
      return Value{row + 0.5};
    case TypeKind::string: {
      const std::string digits = std::to_string(row);
      const std::size_t room = static_cast<std::size_t>(type.length.value_or(20));
      return Value{column.name.substr(0, room > digits.size() ? room - digits.size() : 0) + digits};
    }
    case TypeKind::text:
      return Value{fmt::format("{} text {}", column.name, row)};
    case TypeKind::binary:
      return Value{Bytes{0xde, 0xad, static_cast<std::uint8_t>(row)}};
    case TypeKind::date:
      return Value{fmt::format("2024-03-{:02}", row + 1)};
    case TypeKind::time:
      return Value{fmt::format("12:34:{:02}", row)};
    case TypeKind::datetime:
    case TypeKind::timestamp_tz:
      return Value{fmt::format("2024-03-01 12:34:{:02}", row)};
    case TypeKind::uuid:
      return Value{fmt::format("00000000-0000-4000-8000-{:012}", row + 1)};
    case TypeKind::json:
      return Value{fmt::format("{{\"n\": {}}}", row)};
    case TypeKind::custom:
      break;
  }
  if (column.nullable) return Value{};
  throw std::logic_error("no seed value for column " + column.name + " of a custom type");
}

// Tables in an order where every referenced table comes first (self-references aside).
std::vector<const Table*> parents_first(const Schema& schema) {
  std::vector<const Table*> out;
  std::set<QualifiedName> done;
  while (out.size() < schema.tables.size()) {
    const std::size_t before = out.size();
    for (const auto& t : schema.tables) {
      if (done.contains(t.name)) continue;
      const bool ready =
          std::all_of(t.foreign_keys.begin(), t.foreign_keys.end(), [&](const ForeignKey& k) {
            return k.referenced_table == t.name || done.contains(k.referenced_table) ||
                   !schema.find_table(k.referenced_table);
          });
      if (!ready) continue;
      out.push_back(&t);
      done.insert(t.name);
    }
    if (out.size() == before) throw std::logic_error("seed rows: foreign keys form a cycle");
  }
  return out;
}

std::size_t position(const std::vector<std::string>& columns, const std::string& name) {
  const auto it = std::find(columns.begin(), columns.end(), name);
  if (it == columns.end()) throw std::logic_error("seed rows: no column " + name);
  return static_cast<std::size_t>(it - columns.begin());
}

}  // namespace

std::vector<InsertRows> seed_rows(const Schema& schema,
                                  const std::map<std::string, std::vector<Value>>& values) {
  std::map<QualifiedName, InsertRows> seeded;
  std::vector<InsertRows> out;
  std::set<std::string> used;
  for (const Table* t : parents_first(schema)) {
    InsertRows insert{t->name, {}, {}};
    for (const auto& c : t->columns) insert.columns.push_back(c.name);
    auto given = [&](const std::string& column) -> const std::vector<Value>* {
      const std::string key = to_string(t->name) + "." + column;
      const auto it = values.find(key);
      if (it == values.end()) return nullptr;
      used.insert(key);
      if (it->second.size() != seed_row_count) {
        throw std::logic_error("seed rows: " + key + " needs one value per row");
      }
      return &it->second;
    };
    for (int row = 0; row < seed_row_count; ++row) {
      std::vector<Value> cells;
      for (const auto& c : t->columns) {
        const auto* v = given(c.name);
        cells.push_back(v ? (*v)[static_cast<std::size_t>(row)] : generated(c, row));
      }
      insert.rows.push_back(std::move(cells));
    }
    // Foreign key columns copy a referenced row: row i of the parent (a self-reference: the row
    // before, and NULL for the first row where the columns allow it).
    for (const auto& key : t->foreign_keys) {
      const bool self = key.referenced_table == t->name;
      const InsertRows* parent = self ? &insert : nullptr;
      if (!self) {
        const auto it = seeded.find(key.referenced_table);
        if (it == seeded.end()) continue;  // a table outside the schema: left as generated
        parent = &it->second;
      }
      const bool nullable = std::all_of(key.columns.begin(), key.columns.end(), [&](auto& name) {
        const Column* c = t->find_column(name);
        return c && c->nullable;
      });
      for (int row = 0; row < seed_row_count; ++row) {
        for (std::size_t k = 0; k < key.columns.size(); ++k) {
          if (given(key.columns[k])) continue;
          const std::size_t column = position(insert.columns, key.columns[k]);
          auto& cell = insert.rows[static_cast<std::size_t>(row)][column];
          if (self && row == 0 && nullable) {
            cell = Value{};
            continue;
          }
          const int source = self ? std::max(row - 1, 0) : row;
          cell = parent->rows[static_cast<std::size_t>(source)]
                             [position(parent->columns, key.referenced_columns[k])];
        }
      }
    }
    seeded.emplace(t->name, insert);
    out.push_back(std::move(insert));
  }
  for (const auto& [key, ignored] : values) {
    if (!used.contains(key)) throw std::logic_error("seed rows: no column " + key);
  }
  return out;
}

}  // namespace migcmd::convergence
