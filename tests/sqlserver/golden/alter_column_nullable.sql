ALTER TABLE [users] ALTER COLUMN [email] nvarchar(255) NULL;
