INSERT INTO [users] ([email], [name], [score]) VALUES (N'a@example.com', N'O''Brien', 1);
INSERT INTO [users] ([email], [name], [score]) VALUES (N'b@example.com', NULL, 2);
INSERT INTO [users] ([email], [name], [score]) VALUES (N'c\d@x', N'x;--', -3);
