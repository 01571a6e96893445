CREATE INDEX [ix_users_active] ON [users] ([email]) WHERE score > 0;
