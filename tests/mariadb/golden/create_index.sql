CREATE UNIQUE INDEX `ix_users_score` ON `users` (`score` DESC, `email`);
