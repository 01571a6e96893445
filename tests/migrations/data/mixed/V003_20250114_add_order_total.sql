-- Migration: add_order_total
-- Version: 003
-- Database: sqlite
-- Author: Ada Lovelace
-- Created: 2025-01-14T09:30:00Z
-- Description: Orders get a total
-- Dependencies: 2, 0001

-- === UP Migration ===
ALTER TABLE orders ADD COLUMN total NUMERIC NOT NULL DEFAULT 0;
CREATE INDEX orders_total ON orders (total);

-- === DOWN Migration ===
DROP INDEX orders_total;
ALTER TABLE orders DROP COLUMN total;
