DROP INDEX `ix_users_name` ON `users`;
