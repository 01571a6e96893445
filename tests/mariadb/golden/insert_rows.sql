INSERT INTO `users` (`email`, `name`, `score`) VALUES ('a@example.com', 'O''Brien', 1);
INSERT INTO `users` (`email`, `name`, `score`) VALUES ('b@example.com', NULL, 2);
INSERT INTO `users` (`email`, `name`, `score`) VALUES ('c\\d@x', 'x;--', -3);
