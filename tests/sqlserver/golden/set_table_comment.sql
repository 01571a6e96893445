DECLARE @schema0 sysname = SCHEMA_NAME();
DECLARE @description0 sql_variant = N'people who can sign in';
EXEC sp_addextendedproperty @name = N'MS_Description', @value = @description0, @level0type = N'SCHEMA', @level0name = @schema0, @level1type = N'TABLE', @level1name = N'users';
