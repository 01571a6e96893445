-- Customers of the shop. Written in SQL that SQLite, PostgreSQL and MariaDB all accept.
-- migrate:up
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  full_name VARCHAR(200) NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX uq_customers_email ON customers (email);

-- migrate:down
DROP TABLE customers;
