DELETE FROM "orders";
