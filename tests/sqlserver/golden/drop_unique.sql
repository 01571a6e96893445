ALTER TABLE [users] DROP CONSTRAINT [uq_users_email];
