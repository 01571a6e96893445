#include "mysql_dialect.hpp"

#include "migcmd/providers/mysql.hpp"

namespace migcmd::mysql {

Capabilities MySqlDialect::capabilities() const {
  Capabilities c;
  c.transactional_ddl = false;  // every DDL statement commits implicitly
  c.schemas = true;             // a schema is a database on the same server
  c.alter_column = true;        // MODIFY COLUMN, restating the whole column
  c.alter_constraints = true;
  c.rename_index = true;
  c.partial_indexes = false;
  c.expression_indexes = false;  // MySQL 8.0.13+ has functional key parts, MariaDB does not
  c.descending_indexes = true;   // honoured by MySQL 8 and MariaDB 10.8+, ignored before
  c.check_constraints = true;
  c.comments = true;
  c.concurrent_index = false;
  c.max_identifier_length = 64;
  return c;
}

std::unique_ptr<Dialect> make_dialect() {
  return std::make_unique<MySqlDialect>();
}

}  // namespace migcmd::mysql
