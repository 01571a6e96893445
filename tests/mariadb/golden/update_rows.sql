UPDATE `users` SET `name` = 'it''s', `score` = 5 WHERE `email` = 'a@example.com' AND `name` IS NULL;
