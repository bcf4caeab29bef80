-- Enum values added in the middle and at the start (ADD VALUE ... BEFORE / AFTER).
-- expect: Edit Enum public.priority
-- source
CREATE TYPE public.priority AS ENUM ('lowest', 'low', 'medium', 'high', 'urgent');
-- target
CREATE TYPE public.priority AS ENUM ('low', 'high', 'urgent');
