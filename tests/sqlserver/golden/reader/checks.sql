WITH t AS (
  SELECT tb.object_id, s.name AS schema_name, tb.name
  FROM sys.tables AS tb
  JOIN sys.schemas AS s ON s.schema_id = tb.schema_id
  WHERE tb.is_ms_shipped = 0 AND tb.temporal_type <> 1 AND s.name IN (SCHEMA_NAME())
)
SELECT cc.parent_object_id, cc.name, cc.definition
FROM sys.check_constraints AS cc
JOIN t ON t.object_id = cc.parent_object_id
ORDER BY cc.parent_object_id, cc.object_id;
