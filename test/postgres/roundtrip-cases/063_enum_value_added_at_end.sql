-- An enum value added at the end (ALTER TYPE ... ADD VALUE), used by a table column that stays the
-- same; the undo has to remove the value again.
-- expect: Edit Enum public.order_state
-- source
CREATE TYPE public.order_state AS ENUM ('new', 'paid', 'shipped', 'returned');
CREATE TABLE public.orders (id integer, state public.order_state DEFAULT 'new'::public.order_state);
-- target
CREATE TYPE public.order_state AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE public.orders (id integer, state public.order_state DEFAULT 'new'::public.order_state);
