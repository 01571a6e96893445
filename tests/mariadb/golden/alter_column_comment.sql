ALTER TABLE `users` MODIFY COLUMN `email` VARCHAR(255) NOT NULL COMMENT 'the address people sign in with';
