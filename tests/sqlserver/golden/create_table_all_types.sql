CREATE TABLE [all_types] (
    [c_bool] bit NOT NULL DEFAULT 0,
    [c_int16] smallint NULL,
    [c_int32] int NULL,
    [c_int64] bigint IDENTITY(1,1) NOT NULL,
    [c_decimal] decimal(18,4) NULL,
    [c_float32] real NULL,
    [c_float64] float NULL DEFAULT 1.5,
    [c_string] nvarchar(100) NULL DEFAULT N'it''s',
    [c_text] nvarchar(max) NULL,
    [c_binary] varbinary(max) NULL,
    [c_binary16] varbinary(16) NULL,
    [c_date] date NULL,
    [c_time] time NULL,
    [c_datetime] datetime2 NULL,
    [c_timestamptz] datetimeoffset NULL,
    [c_uuid] uniqueidentifier NULL,
    [c_json] nvarchar(max) NULL,
    [c_raw] VARCHAR(7) NULL,
    PRIMARY KEY ([c_int64])
);
DECLARE @schema1 sysname = SCHEMA_NAME();
DECLARE @description1 sql_variant = N'one column of each portable type';
EXEC sp_addextendedproperty @name = N'MS_Description', @value = @description1, @level0type = N'SCHEMA', @level0name = @schema1, @level1type = N'TABLE', @level1name = N'all_types';
