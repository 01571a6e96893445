ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, DROP INDEX `fk_orders_user`;
