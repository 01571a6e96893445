WITH t AS (
  SELECT tb.object_id, s.name AS schema_name, tb.name
  FROM sys.tables AS tb
  JOIN sys.schemas AS s ON s.schema_id = tb.schema_id
  WHERE tb.is_ms_shipped = 0 AND tb.temporal_type <> 1 AND s.name IN (SCHEMA_NAME())
)
SELECT t.object_id, t.schema_name, t.name, CONVERT(nvarchar(max), ep.value)
FROM t
LEFT JOIN sys.extended_properties AS ep ON ep.class = 1 AND ep.major_id = t.object_id
  AND ep.minor_id = 0 AND ep.name = N'MS_Description'
ORDER BY t.object_id;
