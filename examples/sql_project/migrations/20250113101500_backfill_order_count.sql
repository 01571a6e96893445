-- A new column and its data in one migration: the column is added, then filled from the
-- existing orders. Both run in one transaction with the history row, so a failed backfill
-- leaves neither the column nor a half-filled table behind.
--
-- No down part: the count is derived data, and this team never rolls a backfill back, it
-- writes a new migration instead. `migcmd down` refuses to roll it back.
-- migrate:up
ALTER TABLE customers ADD COLUMN order_count INTEGER NOT NULL DEFAULT 0;
UPDATE customers
   SET order_count = (SELECT count(*) FROM orders WHERE orders.customer_id = customers.id);
