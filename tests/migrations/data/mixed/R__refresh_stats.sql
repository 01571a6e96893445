DROP VIEW IF EXISTS order_stats;
CREATE VIEW order_stats AS SELECT user_id, count(*) AS n FROM orders GROUP BY user_id;
