SELECT SCHEMA_NAME(),
  CONVERT(nvarchar(128), DATABASEPROPERTYEX(DB_NAME(), 'Collation')),
  s.name
FROM (SELECT 1 AS one) AS o
LEFT JOIN sys.schemas AS s ON s.name IN (SCHEMA_NAME());
