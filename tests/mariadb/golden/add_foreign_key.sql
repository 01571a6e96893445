ALTER TABLE `orders` ADD COLUMN `referrer_id` BIGINT;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_referrer` FOREIGN KEY (`referrer_id`) REFERENCES `users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE;
