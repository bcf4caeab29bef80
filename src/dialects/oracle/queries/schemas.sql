-- The requested schemas that exist: an Oracle schema is a user (ALL_USERS, Oracle Database Reference).
SELECT u.USERNAME
FROM ALL_USERS u
WHERE u.USERNAME IN ({{schemas}})
ORDER BY u.USERNAME
