-- Not a migration: its name matches no format.
SELECT 1;
