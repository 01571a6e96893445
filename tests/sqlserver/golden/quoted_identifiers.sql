CREATE TABLE [we"ird`ta]]ble] (
    [co'l"um`n]]] int NULL,
    [semi;--] nvarchar(max) NULL
);
INSERT INTO [we"ird`ta]]ble] ([co'l"um`n]]], [semi;--]) VALUES (1, N'''); DROP TABLE users; --');
