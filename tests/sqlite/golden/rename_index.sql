DROP INDEX "ix_users_name";
CREATE INDEX "ix_users_full_name" ON "users" ("name");
