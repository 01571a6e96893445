ALTER TABLE [orders] DROP CONSTRAINT [pk_orders];
ALTER TABLE [orders] ADD CONSTRAINT [pk_orders_v2] PRIMARY KEY ([id], [user_id]);
