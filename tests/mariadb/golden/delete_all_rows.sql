DELETE FROM `orders`;
