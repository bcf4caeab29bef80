/**
 * Schema pairs for the generate round trips: `source` and `target` SQL, and the changes the first diff
 * must report (`<Add|Edit|Delete> <Object Type> <schema>.<name>`, names unquoted). Each pair aims at
 * an ordering rule or an ALTER path of generate.
 */
export interface RoundTripCase {
  readonly name: string;
  readonly expect: readonly string[];
  readonly source: string;
  readonly target: string;
}

export const roundTripCases: readonly RoundTripCase[] = [
  {
    name: 'shop_v1_to_v2',
    expect: [
      'Add Function app.order_total(integer)',
      'Add Function app.touch()',
      'Add Sequence app.invoice_no',
      'Add Table app.order_items',
      'Add Table app.products',
      'Delete Function app.legacy_total(integer)',
      'Edit Enum app.order_status',
      'Edit Table app.customers',
      'Edit Table app.orders',
      'Edit View app.v_open_orders',
    ],
    source: `
      CREATE SCHEMA app;
      CREATE TYPE app.order_status AS ENUM ('new', 'paid', 'shipped', 'returned');
      CREATE SEQUENCE app.invoice_no START WITH 5000;
      CREATE TABLE app.customers (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE app.products (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, sku text NOT NULL UNIQUE, price numeric(10,2) NOT NULL CHECK (price >= 0));
      CREATE TABLE app.orders (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          customer_id integer NOT NULL REFERENCES app.customers (id) ON DELETE CASCADE,
          status app.order_status NOT NULL DEFAULT 'new', invoice integer DEFAULT nextval('app.invoice_no'), updated_at timestamptz);
      CREATE INDEX orders_open_idx ON app.orders (customer_id) WHERE status IN ('new', 'paid');
      CREATE TABLE app.order_items (order_id integer NOT NULL REFERENCES app.orders (id) ON DELETE CASCADE,
          product_id integer NOT NULL REFERENCES app.products (id), qty integer NOT NULL DEFAULT 1 CHECK (qty > 0), PRIMARY KEY (order_id, product_id));
      CREATE FUNCTION app.order_total(order_id integer) RETURNS numeric LANGUAGE sql STABLE AS $$
          SELECT coalesce(sum(i.qty * p.price), 0) FROM app.order_items i JOIN app.products p ON p.id = i.product_id WHERE i.order_id = $1 $$;
      CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
      CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
      CREATE VIEW app.v_open_orders AS SELECT o.id, c.email, o.status, app.order_total(o.id) AS total
          FROM app.orders o JOIN app.customers c ON c.id = o.customer_id WHERE o.status IN ('new', 'paid');`,
    target: `
      CREATE SCHEMA app;
      CREATE TYPE app.order_status AS ENUM ('new', 'paid', 'shipped');
      CREATE TABLE app.customers (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, name text);
      CREATE TABLE app.orders (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id integer NOT NULL REFERENCES app.customers (id),
          status app.order_status NOT NULL DEFAULT 'new', amount numeric(10,2));
      CREATE FUNCTION app.legacy_total(order_id integer) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT amount FROM app.orders WHERE id = $1 $$;
      CREATE VIEW app.v_open_orders AS SELECT o.id, c.email, o.status FROM app.orders o JOIN app.customers c ON c.id = o.customer_id WHERE o.status = 'new';
      INSERT INTO app.customers (email, name) VALUES ('a@example.com', 'A');
      INSERT INTO app.orders (customer_id) SELECT id FROM app.customers;`,
  },
  {
    name: 'column_types_under_view_chain',
    expect: ['Edit Table public.items', 'Edit View public.v_items', 'Edit View public.v_top', 'Edit Materialized View public.mv_count'],
    source: `
      CREATE TABLE public.items (id bigint NOT NULL, label varchar(40) DEFAULT 'x', price numeric(12,2));
      CREATE VIEW public.v_items AS SELECT id, label, price FROM public.items;
      CREATE VIEW public.v_top AS SELECT id, label FROM public.v_items WHERE price > 10;
      CREATE MATERIALIZED VIEW public.mv_count AS SELECT label, count(*) AS n FROM public.items GROUP BY label;`,
    target: `
      CREATE TABLE public.items (id integer NOT NULL, label text DEFAULT 'x', price numeric(10,2));
      CREATE VIEW public.v_items AS SELECT id, label, price FROM public.items;
      CREATE VIEW public.v_top AS SELECT id, label FROM public.v_items WHERE price > 10;
      CREATE MATERIALIZED VIEW public.mv_count AS SELECT label, count(*) AS n FROM public.items GROUP BY label;
      INSERT INTO public.items VALUES (1, 'one', 5.5), (2, 'two', 20);`,
  },
  {
    name: 'drop_tables_with_foreign_keys',
    expect: ['Delete Table public.authors', 'Delete Table public.books', 'Delete Sequence public.authors_id_seq', 'Edit Table public.reviews'],
    source: `
      CREATE TABLE public.reviews (id integer PRIMARY KEY, book_id integer, body text);`,
    target: `
      CREATE TABLE public.authors (id serial PRIMARY KEY, name text);
      CREATE TABLE public.books (id integer PRIMARY KEY, author_id integer REFERENCES public.authors (id));
      CREATE TABLE public.reviews (id integer PRIMARY KEY, book_id integer REFERENCES public.books (id), body text);
      INSERT INTO public.authors (name) VALUES ('x');`,
  },
  {
    name: 'identity_serial_defaults_nullability',
    expect: ['Edit Table public.t', 'Delete Sequence public.t_a_seq'],
    source: `
      CREATE TABLE public.t (
          a integer GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 10),
          b bigint GENERATED ALWAYS AS IDENTITY,
          c integer DEFAULT 7,
          d text NOT NULL,
          e text COLLATE "C");`,
    target: `
      CREATE TABLE public.t (
          a serial,
          b bigint GENERATED BY DEFAULT AS IDENTITY (CACHE 5),
          c integer GENERATED ALWAYS AS IDENTITY,
          d text DEFAULT 'none',
          e text);`,
  },
  {
    name: 'generated_column_with_index',
    expect: ['Edit Table public.people'],
    source: `
      CREATE TABLE public.people (first text, last text, full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED, code text,
          score numeric(12,2), doubled numeric GENERATED ALWAYS AS (score * 2) STORED);
      CREATE INDEX people_doubled_idx ON public.people (doubled);
      CREATE INDEX people_full_idx ON public.people (full_name);
      CREATE INDEX people_lower_idx ON public.people (lower(full_name));`,
    target: `
      CREATE TABLE public.people (first text, last text, full_name text GENERATED ALWAYS AS (last || ', ' || first) STORED,
          code text GENERATED ALWAYS AS (upper(first)) STORED, score numeric(10,2), doubled numeric GENERATED ALWAYS AS (score * 2) STORED);
      CREATE INDEX people_full_idx ON public.people (full_name);
      CREATE INDEX people_lower_idx ON public.people (lower(full_name));
      CREATE INDEX people_doubled_idx ON public.people (doubled);
      INSERT INTO public.people (first, last, score) VALUES ('Ada', 'Lovelace', 1.5);`,
  },
  {
    name: 'constraints_keys_checks_exclusions',
    expect: ['Edit Table public.bookings', 'Edit Table public.rooms'],
    source: `
      CREATE TABLE public.rooms (id integer NOT NULL, wing text NOT NULL, CONSTRAINT rooms_pkey PRIMARY KEY (id, wing), CONSTRAINT rooms_wing_check CHECK (wing <> ''));
      CREATE TABLE public.bookings (id integer PRIMARY KEY, room integer, wing text, during tsrange, guest text,
          CONSTRAINT bookings_room_fk FOREIGN KEY (room, wing) REFERENCES public.rooms (id, wing) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
          CONSTRAINT bookings_guest_key UNIQUE NULLS NOT DISTINCT (guest),
          CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&),
          CONSTRAINT bookings_guest_check CHECK (length(guest) > 1) NOT VALID);`,
    target: `
      CREATE TABLE public.rooms (id integer PRIMARY KEY, wing text NOT NULL, CONSTRAINT rooms_wing_check CHECK (length(wing) > 0));
      CREATE TABLE public.bookings (id integer PRIMARY KEY, room integer REFERENCES public.rooms (id), wing text, during tsrange, guest text,
          CONSTRAINT bookings_guest_key UNIQUE (guest));`,
  },
  {
    name: 'views_replace_recreate_options',
    expect: ['Edit View public.v_append', 'Edit View public.v_shrink', 'Edit View public.v_options', 'Add View public.v_new'],
    source: `
      CREATE TABLE public.t (a integer, b integer, c text);
      CREATE VIEW public.v_append AS SELECT a, b, c FROM public.t;
      CREATE VIEW public.v_shrink AS SELECT a FROM public.t;
      CREATE VIEW public.v_reader AS SELECT a FROM public.v_shrink;
      CREATE VIEW public.v_options WITH (security_barrier = true) AS SELECT a, b FROM public.t WHERE a > 0 WITH LOCAL CHECK OPTION;
      CREATE VIEW public.v_new AS SELECT v_append.c, v_reader.a FROM public.v_append JOIN public.v_reader USING (a);
      COMMENT ON VIEW public.v_shrink IS 'only a';`,
    target: `
      CREATE TABLE public.t (a integer, b integer, c text);
      CREATE VIEW public.v_append AS SELECT a FROM public.t;
      CREATE VIEW public.v_shrink AS SELECT a, b::text AS b FROM public.t;
      CREATE VIEW public.v_reader AS SELECT a FROM public.v_shrink;
      CREATE VIEW public.v_options AS SELECT a, b FROM public.t WHERE a > 0;`,
  },
  {
    name: 'enum_value_removed_from_used_type',
    expect: ['Edit Enum public.mood'],
    source: `
      CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
      CREATE TABLE public.diary (day date, mood public.mood NOT NULL DEFAULT 'ok', moods public.mood[],
          CONSTRAINT diary_not_sad CHECK (mood <> 'sad'));
      CREATE INDEX diary_happy_idx ON public.diary (day) WHERE mood = 'happy';
      CREATE VIEW public.v_diary AS SELECT day, mood FROM public.diary;`,
    target: `
      CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'meh', 'happy');
      CREATE TABLE public.diary (day date, mood public.mood NOT NULL DEFAULT 'ok', moods public.mood[],
          CONSTRAINT diary_not_sad CHECK (mood <> 'sad'));
      CREATE INDEX diary_happy_idx ON public.diary (day) WHERE mood = 'happy';
      CREATE VIEW public.v_diary AS SELECT day, mood FROM public.diary;
      INSERT INTO public.diary VALUES ('2024-01-01', 'ok', '{ok,happy}');`,
  },
  {
    name: 'enum_values_added_and_used',
    expect: ['Edit Enum public.size', 'Edit Enum public.color', 'Edit Table public.shirts'],
    source: `
      CREATE TYPE public.size AS ENUM ('xs', 's', 'm', 'l', 'xl');
      CREATE TYPE public.color AS ENUM ('red', 'green', 'blue');
      CREATE TABLE public.shirts (size public.size DEFAULT 'xs', color public.color);`,
    target: `
      CREATE TYPE public.size AS ENUM ('s', 'm', 'l');
      CREATE TYPE public.color AS ENUM ('red', 'blue');
      CREATE TABLE public.shirts (size public.size DEFAULT 's', color public.color);
      INSERT INTO public.shirts VALUES ('m', 'red');`,
  },
  {
    name: 'routines_replace_and_recreate',
    expect: [
      'Edit Function public.add(integer, integer)',
      'Edit Function public.add(numeric, numeric)',
      'Edit Function public.greet(text)',
      'Edit Procedure public.bump(integer)',
      'Edit Aggregate public.total(integer)',
      'Add Function public.add(bigint, bigint)',
      'Edit View public.v_calc',
    ],
    source: `
      CREATE FUNCTION public.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b + 0';
      CREATE FUNCTION public.add(a numeric, b numeric) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT (a + b)::double precision';
      CREATE FUNCTION public.add(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
      CREATE FUNCTION public.greet(who text) RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || who $$;
      CREATE VIEW public.v_calc AS SELECT public.add(1.5, 2.5) AS x, public.add(1, 2) AS y, public.greet('me') AS g;
      CREATE TABLE public.counter (n integer);
      CREATE PROCEDURE public.bump(by integer) LANGUAGE sql AS $$ UPDATE public.counter SET n = n + by * 2 $$;
      CREATE FUNCTION public.sum_state(s integer, v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT s + v';
      CREATE AGGREGATE public.total(integer) (SFUNC = public.sum_state, STYPE = integer, INITCOND = '100');
      COMMENT ON FUNCTION public.greet(text) IS 'says hi';`,
    target: `
      CREATE FUNCTION public.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
      CREATE FUNCTION public.add(a numeric, b numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
      CREATE FUNCTION public.greet(who text) RETURNS text LANGUAGE sql AS $$ SELECT 'hello ' || who $$;
      CREATE VIEW public.v_calc AS SELECT public.add(1.5, 2.5) AS x, public.add(1, 2) AS y, public.greet('me') AS g;
      CREATE TABLE public.counter (n integer);
      CREATE PROCEDURE public.bump(by integer) LANGUAGE sql AS $$ UPDATE public.counter SET n = n + by $$;
      CREATE FUNCTION public.sum_state(s integer, v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT s + v';
      CREATE AGGREGATE public.total(integer) (SFUNC = public.sum_state, STYPE = integer, INITCOND = '0');`,
  },
  {
    name: 'triggers_and_trigger_functions',
    expect: ['Edit Table public.accounts', 'Edit Function public.stamp()', 'Add Function public.audit()', 'Edit View public.v_accounts'],
    source: `
      CREATE TABLE public.accounts (id integer, balance numeric(14,2), changed_at timestamptz, changed_by text);
      CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed_at := clock_timestamp(); RETURN NEW; END $$;
      CREATE TRIGGER accounts_positive BEFORE UPDATE OF balance ON public.accounts FOR EACH ROW WHEN (NEW.balance < 0) EXECUTE FUNCTION public.stamp();
      CREATE FUNCTION public.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed_by := current_user; RETURN NEW; END $$;
      CREATE TRIGGER accounts_stamp BEFORE INSERT OR UPDATE OF balance ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.stamp();
      CREATE TRIGGER accounts_audit BEFORE UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.audit();
      ALTER TABLE public.accounts DISABLE TRIGGER accounts_audit;
      CREATE VIEW public.v_accounts AS SELECT id, balance FROM public.accounts;
      CREATE FUNCTION public.v_accounts_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.accounts (id, balance) VALUES (NEW.id, NEW.balance); RETURN NEW; END $$;
      CREATE TRIGGER v_accounts_insert INSTEAD OF INSERT ON public.v_accounts FOR EACH ROW EXECUTE FUNCTION public.v_accounts_insert();`,
    target: `
      CREATE TABLE public.accounts (id integer, balance numeric(12,2), changed_at timestamptz, changed_by text);
      CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed_at := now(); RETURN NEW; END $$;
      CREATE TRIGGER accounts_positive BEFORE UPDATE OF balance ON public.accounts FOR EACH ROW WHEN (NEW.balance < 0) EXECUTE FUNCTION public.stamp();
      CREATE TRIGGER accounts_stamp BEFORE UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.stamp();
      CREATE VIEW public.v_accounts AS SELECT id, balance FROM public.accounts;
      CREATE FUNCTION public.v_accounts_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.accounts (id, balance) VALUES (NEW.id, NEW.balance); RETURN NEW; END $$;`,
  },
  {
    name: 'sequences_options_owners_defaults',
    expect: ['Edit Sequence public.s_opts', 'Edit Sequence public.s_owned', 'Add Sequence public.s_new', 'Edit Table public.t'],
    source: `
      CREATE SEQUENCE public.s_opts AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 100000 START WITH 100 CACHE 20 CYCLE;
      CREATE TABLE public.t (a integer, b integer);
      CREATE SEQUENCE public.s_owned OWNED BY public.t.b;
      CREATE SEQUENCE public.s_new START WITH 42;
      ALTER TABLE public.t ALTER COLUMN a SET DEFAULT nextval('public.s_new');
      COMMENT ON SEQUENCE public.s_owned IS 'owned by b';`,
    target: `
      CREATE SEQUENCE public.s_opts;
      CREATE TABLE public.t (a integer, b integer);
      CREATE SEQUENCE public.s_owned OWNED BY public.t.a;
      SELECT nextval('public.s_opts');`,
  },
  {
    name: 'domains_and_composite_types',
    expect: ['Edit Domain public.percent', 'Edit Domain public.code', 'Edit Composite Type public.address', 'Add Domain public.positive', 'Edit Table public.shipments'],
    source: `
      CREATE DOMAIN public.percent AS integer NOT NULL DEFAULT 0 CONSTRAINT percent_range CHECK (VALUE BETWEEN 0 AND 100);
      CREATE DOMAIN public.code AS varchar(12) CONSTRAINT code_upper CHECK (VALUE = upper(VALUE));
      CREATE DOMAIN public.positive AS numeric CHECK (VALUE > 0);
      CREATE TYPE public.address AS (street text, zip varchar(10), country text);
      CREATE TABLE public.shipments (done public.percent, ref public.code DEFAULT 'A1', weight public.positive);`,
    target: `
      CREATE DOMAIN public.percent AS integer CONSTRAINT percent_range CHECK (VALUE >= 0);
      CREATE DOMAIN public.code AS text CONSTRAINT code_upper CHECK (VALUE = upper(VALUE));
      CREATE TYPE public.address AS (street text, city text, zip varchar(5));
      CREATE TABLE public.shipments (done public.percent, ref public.code DEFAULT 'A1', weight numeric);
      INSERT INTO public.shipments VALUES (50, 'X9', 1.5);`,
  },
  {
    name: 'schemas_and_extensions',
    expect: ['Add Schema app', 'Add Extension app.citext', 'Add Table app.users', 'Delete Schema legacy', 'Delete Table legacy.old_users', 'Edit Schema public'],
    source: `
      CREATE SCHEMA app;
      COMMENT ON SCHEMA app IS 'the application';
      CREATE EXTENSION citext WITH SCHEMA app;
      CREATE TABLE app.users (email app.citext PRIMARY KEY);
      COMMENT ON SCHEMA public IS 'changed comment';`,
    target: `
      CREATE SCHEMA legacy;
      CREATE TABLE legacy.old_users (email text);`,
  },
  {
    name: 'quoted_names_and_table_options',
    expect: ['Add Schema Sales', 'Add Table Sales.Order Lines', 'Edit Table public.select', 'Add View Sales.Top "Lines"'],
    source: `
      CREATE SCHEMA "Sales";
      CREATE TABLE "Sales"."Order Lines" ("LineId" bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "PK Lines" PRIMARY KEY, "user" text, "Qty ""x""" integer);
      CREATE INDEX "IX ""User""" ON "Sales"."Order Lines" ("user") WITH (fillfactor = 70);
      CREATE VIEW "Sales"."Top ""Lines""" AS SELECT "LineId", "user" FROM "Sales"."Order Lines" WHERE "Qty ""x""" > 10;
      CREATE UNLOGGED TABLE public."select" ("from" integer, "Where" text) WITH (fillfactor = 80);
      ALTER TABLE public."select" ENABLE ROW LEVEL SECURITY;
      COMMENT ON COLUMN public."select"."from" IS 'it''s reserved';`,
    target: `
      CREATE TABLE public."select" ("from" integer, "Group" text);`,
  },
];
