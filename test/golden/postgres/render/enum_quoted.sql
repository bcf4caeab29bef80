CREATE TYPE "Sales"."Status" AS ENUM ('it''s new', 'Done "ok"', '');
