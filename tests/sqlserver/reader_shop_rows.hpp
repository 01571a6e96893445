#pragma once
// The realistic "shop" schema (tests/support/realistic_schemas) as SQL Server holds it: the model
// in the form the SQL Server dialect can create, and the rows the reader's catalog queries return
// for the database that the dialect's create script makes, written by hand from the catalog
// views' documentation (sysname names, nvarchar lengths in bytes, definitions as the server
// prints them again: "([price]>=(0))", "((0))", "(N'n/a')", "(getdate())").

#include "migcmd/schema.hpp"
#include "sqlserver_reader_rows.hpp"

namespace migcmd::test {

// The "shop" model with its self-referencing ON DELETE SET NULL key made NO ACTION: SQL Server
// refuses cascading actions on a key that references its own table (error 1785), and so does the
// dialect.
[[nodiscard]] Schema shop_for_sqlserver();

// What the reader cannot tell apart in `model`: json and string(n > 4000) are nvarchar(max), read
// back as text.
[[nodiscard]] Schema catalog_form(Schema model);

// The rows for shop_for_sqlserver() created in the dbo schema of a database whose collation is
// SQL_Latin1_General_CP1_CI_AS, read with the default ReadOptions.
[[nodiscard]] sqlserver::CatalogRows shop_rows();

// The schema with its tables sorted by name and their unique, check and foreign key constraints
// and indexes sorted by name, as the reader returns them.
[[nodiscard]] Schema sorted(Schema schema);

}  // namespace migcmd::test
