WITH t AS (
  SELECT tb.object_id, s.name AS schema_name, tb.name
  FROM sys.tables AS tb
  JOIN sys.schemas AS s ON s.schema_id = tb.schema_id
  WHERE tb.is_ms_shipped = 0 AND tb.temporal_type <> 1 AND s.name IN (SCHEMA_NAME())
)
SELECT kc.parent_object_id, kc.name, kc.type, c.name
FROM sys.key_constraints AS kc
JOIN t ON t.object_id = kc.parent_object_id
JOIN sys.index_columns AS ic ON ic.object_id = kc.parent_object_id
  AND ic.index_id = kc.unique_index_id
JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE ic.key_ordinal > 0
ORDER BY kc.parent_object_id, kc.object_id, ic.key_ordinal;
