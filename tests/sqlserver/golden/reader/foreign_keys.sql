WITH t AS (
  SELECT tb.object_id, s.name AS schema_name, tb.name
  FROM sys.tables AS tb
  JOIN sys.schemas AS s ON s.schema_id = tb.schema_id
  WHERE tb.is_ms_shipped = 0 AND tb.temporal_type <> 1 AND s.name IN (SCHEMA_NAME())
)
SELECT fk.parent_object_id, fk.name, pc.name, rs.name, rt.name, rc.name,
  fk.delete_referential_action_desc, fk.update_referential_action_desc
FROM sys.foreign_keys AS fk
JOIN t ON t.object_id = fk.parent_object_id
JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id
JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id
  AND pc.column_id = fkc.parent_column_id
JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id
  AND rc.column_id = fkc.referenced_column_id
JOIN sys.tables AS rt ON rt.object_id = fk.referenced_object_id
JOIN sys.schemas AS rs ON rs.schema_id = rt.schema_id
ORDER BY fk.parent_object_id, fk.object_id, fkc.constraint_column_id;
