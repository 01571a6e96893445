#pragma once
// Operations as data: each change to a database is one plain struct, and Operation is the variant
// of all of them. Builders append operations, the differ computes them, dialects render them.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "migcmd/operations/column_ops.hpp"
#include "migcmd/operations/constraint_ops.hpp"
#include "migcmd/operations/data_ops.hpp"
#include "migcmd/operations/index_ops.hpp"
#include "migcmd/operations/raw_sql.hpp"
#include "migcmd/operations/table_ops.hpp"

namespace migcmd {

using Operation =
    std::variant<CreateTable, DropTable, RenameTable, SetTableComment, EnsureSchema,  //
                 AddColumn, DropColumn, RenameColumn, AlterColumn,                    //
                 CreateIndex, DropIndex, RenameIndex,                                 //
                 AddPrimaryKey, DropPrimaryKey, AddUnique, DropUnique, AddCheck,      //
                 DropCheck, AddForeignKey, DropForeignKey,                            //
                 InsertRows, UpdateRows, DeleteRows, RawSql>;

using OperationList = std::vector<Operation>;

// The operation's kind in snake_case: "create_table", "add_foreign_key", "sql"...
[[nodiscard]] std::string_view kind_name(const Operation& op) noexcept;

// A one-line description naming the objects: "add_column email to users".
[[nodiscard]] std::string describe(const Operation& op);

// True when applying the operation can lose data (drops, type changes, deletes...).
[[nodiscard]] bool is_destructive(const Operation& op);

// The operation that undoes `op`, or std::nullopt when there is nothing to undo (ensure_schema).
// Throws Error(irreversible_operation) naming the operation when no inverse can be derived (a drop
// whose definition is unknown, raw SQL, data changes).
[[nodiscard]] std::optional<Operation> reverse(const Operation& op);

// The operations that undo `ops`: each reversed, in reverse order.
[[nodiscard]] OperationList reverse(const OperationList& ops);

}  // namespace migcmd
