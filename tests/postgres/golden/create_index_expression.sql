CREATE INDEX "ix_users_lower_email" ON "users" ((lower(email)));
