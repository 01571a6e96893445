-- migrate:up
CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;

-- migrate:down
DROP VIEW big_orders;
