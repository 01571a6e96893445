DECLARE @schema0 sysname = SCHEMA_NAME();
DECLARE @description0 sql_variant = N'the address people sign in with';
EXEC sp_addextendedproperty @name = N'MS_Description', @value = @description0, @level0type = N'SCHEMA', @level0name = @schema0, @level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'email';
