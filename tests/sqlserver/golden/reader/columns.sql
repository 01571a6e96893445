WITH t AS (
  SELECT tb.object_id, s.name AS schema_name, tb.name
  FROM sys.tables AS tb
  JOIN sys.schemas AS s ON s.schema_id = tb.schema_id
  WHERE tb.is_ms_shipped = 0 AND tb.temporal_type <> 1 AND s.name IN (SCHEMA_NAME())
)
SELECT c.object_id, c.name, ty.name,
  CASE WHEN ty.is_user_defined = 1 THEN SCHEMA_NAME(ty.schema_id) END,
  c.max_length, c.[precision], c.scale, c.is_nullable, c.is_identity, c.is_computed,
  dc.definition, c.collation_name, CONVERT(nvarchar(max), ep.value)
FROM sys.columns AS c
JOIN t ON t.object_id = c.object_id
JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.default_constraints AS dc ON dc.parent_object_id = c.object_id
  AND dc.parent_column_id = c.column_id
LEFT JOIN sys.extended_properties AS ep ON ep.class = 1 AND ep.major_id = c.object_id
  AND ep.minor_id = c.column_id AND ep.name = N'MS_Description'
ORDER BY c.object_id, c.column_id;
