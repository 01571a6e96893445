ALTER TABLE `orders` DROP PRIMARY KEY;
ALTER TABLE `orders` ADD PRIMARY KEY (`id`, `user_id`);
