-- The monthly sales report filters orders by date.
-- migrate:up
CREATE INDEX ix_orders_placed_at ON orders (placed_at);

-- migrate:down
DROP INDEX ix_orders_placed_at;
