ALTER TABLE `users` COMMENT = 'people who can sign in';
