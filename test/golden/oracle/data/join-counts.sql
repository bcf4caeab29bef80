SELECT (SELECT COUNT(*) FROM "HR"."A" WHERE X = 1) AS source_rows, (SELECT COUNT(*) FROM "HR"."B") AS target_rows FROM DUAL
