DECLARE @var0 nvarchar(max);
SELECT @var0 = N'ALTER TABLE [users] DROP CONSTRAINT ' + QUOTENAME([d].[name])
FROM [sys].[default_constraints] [d]
INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
WHERE [d].[parent_object_id] = OBJECT_ID(N'[users]') AND [c].[name] = N'name';
IF @var0 IS NOT NULL EXEC sp_executesql @var0;
ALTER TABLE [users] DROP COLUMN [name];
