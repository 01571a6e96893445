IF SCHEMA_ID(N'audit') IS NULL EXEC(N'CREATE SCHEMA [audit]');
CREATE TABLE [audit].[events] (
    [id] bigint NOT NULL,
    PRIMARY KEY ([id])
);
