#pragma once
// SQL Server catalog text back into the portable model (internal): sys.types names with
// max_length / precision / scale, and sys.default_constraints definitions, each read back as the
// SQL Server dialect writes it.

#include <optional>
#include <string>
#include <string_view>

#include "migcmd/schema.hpp"

namespace migcmd::sqlserver {

// A column's type as sys.columns / sys.types give it: the type name, the schema of a user-defined
// type (empty for system types), max_length in bytes (-1 for (max); nvarchar/nchar take two bytes
// per character), precision and scale.
struct CatalogType {
  std::string name;
  std::string user_schema;
  int max_length = 0;
  int precision = 0;
  int scale = 0;
};

// The portable type the dialect renders as this store type, else Type::raw() with the store
// type as T-SQL spells it ("varchar(50)", "nchar(10)", "datetime2(3)", "[dbo].[phone]").
// nvarchar(max) is text: string(n > 4000) and json render to it too, and read back as text.
[[nodiscard]] Type type_from_catalog(const CatalogType& type);

// A default as sys.default_constraints.definition holds it, for a column of `type`: SQL Server
// wraps the expression in parentheses and each numeric constant in another pair ("((0))",
// "((-1))", "((9.95))", "(N'n/a')", "(0x00FF)", "(NULL)", "(getdate())"). Literals the dialect
// writes become a Value (0/1 on a bit column a bool, numbers on a float column a double);
// getdate(), which is how SQL Server stores CURRENT_TIMESTAMP, becomes that again; anything else is
// a SqlExpression normalised by normalise_expression() (sqlserver_reader_expression.hpp).
[[nodiscard]] ColumnDefault default_from_catalog(std::string_view definition, const Type& type);

}  // namespace migcmd::sqlserver
