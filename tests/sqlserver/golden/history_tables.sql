IF SCHEMA_ID(N'ops') IS NULL EXEC(N'CREATE SCHEMA [ops]');
CREATE TABLE [ops].[migcmd_history_lock] (
    [id] int NOT NULL,
    [holder] nvarchar(255) NOT NULL,
    [host] nvarchar(255) NOT NULL,
    [pid] bigint NOT NULL,
    [os_user] nvarchar(255) NOT NULL,
    [since] datetime2 NOT NULL,
    [session_id] nvarchar(100) NOT NULL,
    CONSTRAINT [pk_migcmd_history_lock] PRIMARY KEY ([id])
);
CREATE TABLE [ops].[migcmd_history] (
    [version] nvarchar(100) NOT NULL,
    [name] nvarchar(255) NOT NULL,
    [kind] nvarchar(20) NOT NULL,
    [source] nvarchar(500) NOT NULL,
    [checksum] nvarchar(64) NOT NULL,
    [down_checksum] nvarchar(64) NULL,
    [applied_at] datetime2 NOT NULL,
    [applied_by] nvarchar(255) NOT NULL,
    [execution_ms] bigint NOT NULL,
    [status] nvarchar(20) NOT NULL,
    [batch] int NOT NULL,
    [error] nvarchar(max) NULL,
    [statements_done] int NOT NULL,
    [statements_total] int NOT NULL,
    [tool_version] nvarchar(50) NOT NULL,
    CONSTRAINT [pk_migcmd_history] PRIMARY KEY ([version])
);
