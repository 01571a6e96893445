ALTER TABLE `users` RENAME INDEX `ix_users_name` TO `ix_users_full_name`;
