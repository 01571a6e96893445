-- before the transaction
PRAGMA foreign_keys = OFF;
CREATE TABLE "__migcmd_new_orders" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_orders" PRIMARY KEY AUTOINCREMENT,
    "user_id" BIGINT NOT NULL,
    "total" NUMERIC(10,2) DEFAULT 0 NOT NULL,
    "status" VARCHAR(20) DEFAULT 'new' NOT NULL,
    CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
INSERT INTO "__migcmd_new_orders" ("id", "user_id", "total", "status") SELECT "id", "user_id", "total", "status" FROM "orders";
DROP TABLE "orders";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "__migcmd_new_orders" RENAME TO "orders";
PRAGMA legacy_alter_table = OFF;
-- check, fails on any row: rebuilding table orders (alter_column orders.id) left rows in it that violate its foreign keys; the migration was rolled back
PRAGMA foreign_key_check("orders");
-- after the transaction
PRAGMA foreign_keys = ON;
-- after the transaction
PRAGMA legacy_alter_table = OFF;
