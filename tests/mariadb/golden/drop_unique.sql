ALTER TABLE `users` DROP INDEX `uq_users_email`;
