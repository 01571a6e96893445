ALTER INDEX "ix_users_name" RENAME TO "ix_users_full_name";
