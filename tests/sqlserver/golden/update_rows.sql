UPDATE [users] SET [name] = N'it''s', [score] = 5 WHERE [email] = N'a@example.com' AND [name] IS NULL;
