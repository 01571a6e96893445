#pragma once
// The fluent MigrationBuilder and its table, column and operation builders.

#include "migcmd/builder/column_builder.hpp"
#include "migcmd/builder/migration_builder.hpp"
#include "migcmd/builder/operation_builders.hpp"
#include "migcmd/builder/table_builder.hpp"
