ALTER TABLE [orders] DROP CONSTRAINT [pk_orders];
