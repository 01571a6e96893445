-- Orders belong to a customer; deleting a customer deletes their orders.
-- migrate:up
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  total_cents INTEGER NOT NULL DEFAULT 0,
  placed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_orders_customer_id ON orders (customer_id);

-- Seed rows, so that the backfill below has something to do.
INSERT INTO customers (email, full_name) VALUES
  ('ada@example.com', 'Ada Lovelace'),
  ('grace@example.com', 'Grace Hopper');
INSERT INTO orders (customer_id, total_cents) VALUES (1, 1250), (1, 399), (2, 5000);

-- migrate:down
DROP TABLE orders;
DELETE FROM customers WHERE email IN ('ada@example.com', 'grace@example.com');
