// Every C++ golden migration by case name, compiled into scaffold_test. Written by the
// test with MIGCMD_UPDATE_GOLDEN=1.

#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sample_create_table.hpp"
#include "sample_create_table_all_types.hpp"
#include "sample_drop_table.hpp"
#include "sample_rename_table.hpp"
#include "sample_ensure_schema.hpp"
#include "sample_add_column.hpp"
#include "sample_add_column_nullable.hpp"
#include "sample_drop_column.hpp"
#include "sample_rename_column.hpp"
#include "sample_alter_column_type.hpp"
#include "sample_alter_column_not_null.hpp"
#include "sample_alter_column_nullable.hpp"
#include "sample_alter_column_default.hpp"
#include "sample_alter_column_drop_default.hpp"
#include "sample_alter_column_identity.hpp"
#include "sample_alter_column_drop_identity.hpp"
#include "sample_alter_column_collation.hpp"
#include "sample_alter_column_comment.hpp"
#include "sample_set_table_comment.hpp"
#include "sample_create_index.hpp"
#include "sample_create_index_partial.hpp"
#include "sample_create_index_expression.hpp"
#include "sample_drop_index.hpp"
#include "sample_rename_index.hpp"
#include "sample_add_primary_key.hpp"
#include "sample_drop_primary_key.hpp"
#include "sample_add_unique.hpp"
#include "sample_drop_unique.hpp"
#include "sample_add_check.hpp"
#include "sample_drop_check.hpp"
#include "sample_add_foreign_key.hpp"
#include "sample_drop_foreign_key.hpp"
#include "sample_insert_rows.hpp"
#include "sample_update_rows.hpp"
#include "sample_delete_rows.hpp"
#include "sample_delete_all_rows.hpp"
#include "sample_raw_sql.hpp"
#include "sample_raw_sql_no_transaction.hpp"
#include "sample_quoted_identifiers.hpp"
#include "skeleton.hpp"
#include "values.hpp"
#include "drops_with_definitions.hpp"
#include "alter_column_everything.hpp"
#include "qualified_names.hpp"
#include "triggers.hpp"
#include "odd_types.hpp"
#include "line_breaking.hpp"
#include "create_index_by_struct.hpp"
#include "empty_table.hpp"
#include "realistic_shop_create.hpp"
#include "realistic_shop_evolve.hpp"
#include "design_time_shop_evolve.hpp"
#include "realistic_blog_create.hpp"
#include "realistic_blog_evolve.hpp"
#include "realistic_hr_create.hpp"
#include "realistic_hr_evolve.hpp"

namespace golden {

inline std::vector<std::pair<std::string, std::shared_ptr<migcmd::Migration>>> all_migrations() {
  return {
      {"sample_create_table", std::make_shared<SampleCreateTable>()},
      {"sample_create_table_all_types", std::make_shared<SampleCreateTableAllTypes>()},
      {"sample_drop_table", std::make_shared<SampleDropTable>()},
      {"sample_rename_table", std::make_shared<SampleRenameTable>()},
      {"sample_ensure_schema", std::make_shared<SampleEnsureSchema>()},
      {"sample_add_column", std::make_shared<SampleAddColumn>()},
      {"sample_add_column_nullable", std::make_shared<SampleAddColumnNullable>()},
      {"sample_drop_column", std::make_shared<SampleDropColumn>()},
      {"sample_rename_column", std::make_shared<SampleRenameColumn>()},
      {"sample_alter_column_type", std::make_shared<SampleAlterColumnType>()},
      {"sample_alter_column_not_null", std::make_shared<SampleAlterColumnNotNull>()},
      {"sample_alter_column_nullable", std::make_shared<SampleAlterColumnNullable>()},
      {"sample_alter_column_default", std::make_shared<SampleAlterColumnDefault>()},
      {"sample_alter_column_drop_default", std::make_shared<SampleAlterColumnDropDefault>()},
      {"sample_alter_column_identity", std::make_shared<SampleAlterColumnIdentity>()},
      {"sample_alter_column_drop_identity", std::make_shared<SampleAlterColumnDropIdentity>()},
      {"sample_alter_column_collation", std::make_shared<SampleAlterColumnCollation>()},
      {"sample_alter_column_comment", std::make_shared<SampleAlterColumnComment>()},
      {"sample_set_table_comment", std::make_shared<SampleSetTableComment>()},
      {"sample_create_index", std::make_shared<SampleCreateIndex>()},
      {"sample_create_index_partial", std::make_shared<SampleCreateIndexPartial>()},
      {"sample_create_index_expression", std::make_shared<SampleCreateIndexExpression>()},
      {"sample_drop_index", std::make_shared<SampleDropIndex>()},
      {"sample_rename_index", std::make_shared<SampleRenameIndex>()},
      {"sample_add_primary_key", std::make_shared<SampleAddPrimaryKey>()},
      {"sample_drop_primary_key", std::make_shared<SampleDropPrimaryKey>()},
      {"sample_add_unique", std::make_shared<SampleAddUnique>()},
      {"sample_drop_unique", std::make_shared<SampleDropUnique>()},
      {"sample_add_check", std::make_shared<SampleAddCheck>()},
      {"sample_drop_check", std::make_shared<SampleDropCheck>()},
      {"sample_add_foreign_key", std::make_shared<SampleAddForeignKey>()},
      {"sample_drop_foreign_key", std::make_shared<SampleDropForeignKey>()},
      {"sample_insert_rows", std::make_shared<SampleInsertRows>()},
      {"sample_update_rows", std::make_shared<SampleUpdateRows>()},
      {"sample_delete_rows", std::make_shared<SampleDeleteRows>()},
      {"sample_delete_all_rows", std::make_shared<SampleDeleteAllRows>()},
      {"sample_raw_sql", std::make_shared<SampleRawSql>()},
      {"sample_raw_sql_no_transaction", std::make_shared<SampleRawSqlNoTransaction>()},
      {"sample_quoted_identifiers", std::make_shared<SampleQuotedIdentifiers>()},
      {"skeleton", std::make_shared<Skeleton>()},
      {"values", std::make_shared<Values>()},
      {"drops_with_definitions", std::make_shared<DropsWithDefinitions>()},
      {"alter_column_everything", std::make_shared<AlterColumnEverything>()},
      {"qualified_names", std::make_shared<QualifiedNames>()},
      {"triggers", std::make_shared<Triggers>()},
      {"odd_types", std::make_shared<OddTypes>()},
      {"line_breaking", std::make_shared<LineBreaking>()},
      {"create_index_by_struct", std::make_shared<CreateIndexByStruct>()},
      {"empty_table", std::make_shared<EmptyTable>()},
      {"realistic_shop_create", std::make_shared<RealisticShopCreate>()},
      {"realistic_shop_evolve", std::make_shared<RealisticShopEvolve>()},
      {"design_time_shop_evolve", std::make_shared<DesignTimeShopEvolve>()},
      {"realistic_blog_create", std::make_shared<RealisticBlogCreate>()},
      {"realistic_blog_evolve", std::make_shared<RealisticBlogEvolve>()},
      {"realistic_hr_create", std::make_shared<RealisticHrCreate>()},
      {"realistic_hr_evolve", std::make_shared<RealisticHrEvolve>()},
  };
}

}  // namespace golden
