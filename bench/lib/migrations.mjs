// The generated migrations project for the "Migrations" benchmark: a Flyway migrations folder that
// builds a schema step by step, as a real project's history does. V1 creates the schema `app`; then a
// deterministic (fixed-seed) mix of CREATE TABLE, ALTER TABLE ADD COLUMN, CREATE INDEX, ADD FOREIGN
// KEY, CREATE VIEW and CREATE FUNCTION migrations, each depending on what earlier ones created (so a
// wrong order fails); and a few repeatable migrations (R__) that create reporting views and functions
// over the finished tables. Versions are multi-part (1, 1.1, ..., 1.5, 1.5.1, ..., 1.10, ..., 2, ...),
// some written with `_` (V1_3__ is version 1.3), so that file-name order differs from version order.
import fs from 'node:fs';
import path from 'node:path';

export const MIGRATIONS_SCHEMA = 'app';
const SEED = 0x5eed2026;

/** mulberry32: a small seeded PRNG, so the generated project is the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Versions in increasing order: per major M, `M`, then `M.1` .. `M.19`, with `M.5.1` after `M.5`
 * (21 versions per major). Minors 3 and 17 are written with `_` (`M_3`), which Flyway reads as `M.3`.
 */
function* versions() {
  for (let major = 1; ; major++) {
    yield { text: `${major}`, stored: `${major}` };
    for (let minor = 1; minor <= 19; minor++) {
      const sep = minor === 3 || minor === 17 ? '_' : '.';
      yield { text: `${major}${sep}${minor}`, stored: `${major}.${minor}` };
      if (minor === 5) yield { text: `${major}.5.1`, stored: `${major}.5.1` };
    }
  }
}

const NOUNS = ['customer', 'order', 'invoice', 'product', 'shipment', 'payment', 'account', 'address', 'supplier', 'warehouse', 'ticket', 'event'];
/** Optional columns a table may get at creation or later (name, definition). */
const COLUMN_POOL = [
  ['status', "varchar(20) NOT NULL DEFAULT 'new'"],
  ['amount', 'numeric(12,2)'],
  ['is_active', 'boolean NOT NULL DEFAULT true'],
  ['notes', 'text'],
  ['external_ref', 'uuid'],
  ['quantity', 'integer NOT NULL DEFAULT 0'],
  ['updated_at', 'timestamptz'],
  ['email', 'varchar(320)'],
  ['payload', 'jsonb'],
  ['code', 'varchar(40)'],
];
const INDEXABLE = new Set(['name', 'created_at', 'status', 'external_ref', 'updated_at', 'email', 'code', 'amount']);

const pad = (n, w = 3) => String(n).padStart(w, '0');

/** Number of repeatable migrations in a project of `count` migrations. */
export function repeatableCount(count) {
  return Math.max(3, Math.floor(count / 100));
}

/**
 * The project's migrations: [{ file, version (stored form) | null, kind, sql }] in the order Flyway
 * applies them (versioned by version, then repeatables by description), and the objects they create.
 */
export function generateMigrations(count) {
  if (!Number.isInteger(count) || count < 10) throw new Error(`a migrations project needs at least 10 migrations, not ${count}`);
  const random = prng(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const shuffle = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const s = MIGRATIONS_SCHEMA;
  const tables = []; // { name, columns: Set, indexed: Set }
  const views = [];
  const functions = [];
  const expected = { schemas: 1, tables: 0, views: 0, functions: 0, columns: 0, indexes: 0, primaryKeys: 0, foreignKeys: 0, statements: 0, versioned: 0, repeatable: 0 };
  const kinds = {};
  const migrations = [];
  const version = versions();

  const add = (description, kind, statements) => {
    const v = version.next().value;
    migrations.push({ file: `V${v.text}__${description}.sql`, version: v.stored, kind, sql: `${statements.join('\n\n')}\n` });
    expected.statements += statements.length;
    expected.versioned++;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  };

  const createTable = () => {
    const name = `${NOUNS[tables.length % NOUNS.length]}_${pad(Math.floor(tables.length / NOUNS.length) + 1)}`;
    const extra = shuffle(COLUMN_POOL).slice(0, 1 + Math.floor(random() * 3));
    const columns = [
      ['id', 'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY'],
      ['name', 'text NOT NULL'],
      ['created_at', 'timestamptz NOT NULL DEFAULT now()'],
      ...extra,
    ];
    tables.push({ name, columns: new Set(columns.map(([c]) => c)), indexed: new Set(), created: migrations.length });
    expected.tables++;
    expected.columns += columns.length;
    expected.indexes++; // primary key
    expected.primaryKeys++;
    add(`create_${name}`, 'create table', [
      `-- ${name}: one of the application's tables\nCREATE TABLE ${s}.${name} (\n${columns.map(([c, d]) => `    ${c} ${d}`).join(',\n')}\n);`,
      `COMMENT ON TABLE ${s}.${name} IS 'Generated by the parity benchmark';`,
    ]);
    return true;
  };

  const addColumn = () => {
    const candidates = tables.filter((t) => COLUMN_POOL.some(([c]) => !t.columns.has(c)));
    if (candidates.length === 0) return false;
    const table = pick(candidates);
    const [column, definition] = pick(COLUMN_POOL.filter(([c]) => !table.columns.has(c)));
    table.columns.add(column);
    expected.columns++;
    add(`add_${column}_to_${table.name}`, 'add column', [`ALTER TABLE ${s}.${table.name} ADD COLUMN ${column} ${definition};`]);
    return true;
  };

  const createIndex = () => {
    const candidates = tables.filter((t) => [...t.columns].some((c) => INDEXABLE.has(c) && !t.indexed.has(c)));
    if (candidates.length === 0) return false;
    const table = pick(candidates);
    const column = pick([...table.columns].filter((c) => INDEXABLE.has(c) && !table.indexed.has(c)));
    table.indexed.add(column);
    expected.indexes++;
    const unique = column === 'external_ref' || column === 'code';
    add(`index_${table.name}_${column}`, 'create index', [
      `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${table.name}_${column}_idx ON ${s}.${table.name} (${column}${column === 'created_at' ? ' DESC' : ''});`,
    ]);
    return true;
  };

  const addForeignKey = () => {
    const candidates = tables.filter((t) => tables.some((p) => p !== t && !t.columns.has(`${p.name}_id`)));
    if (tables.length < 2 || candidates.length === 0) return false;
    const child = pick(candidates);
    const parent = pick(tables.filter((p) => p !== child && !child.columns.has(`${p.name}_id`)));
    const column = `${parent.name}_id`;
    child.columns.add(column);
    child.indexed.add(column);
    expected.columns++;
    expected.foreignKeys++;
    expected.indexes++;
    add(`fk_${child.name}_${parent.name}`, 'add foreign key', [
      `ALTER TABLE ${s}.${child.name} ADD COLUMN ${column} bigint;`,
      `ALTER TABLE ${s}.${child.name}\n    ADD CONSTRAINT ${child.name}_${column}_fkey FOREIGN KEY (${column}) REFERENCES ${s}.${parent.name} (id) ON DELETE SET NULL;`,
      `CREATE INDEX ${child.name}_${column}_idx ON ${s}.${child.name} (${column});`,
    ]);
    return true;
  };

  const createView = () => {
    if (tables.length === 0) return false;
    const table = pick(tables);
    const name = `${table.name}_view_${pad(views.length + 1)}`;
    views.push(name);
    expected.views++;
    const fk = [...table.columns].find((c) => c.endsWith('_id') && c !== 'id');
    const body = fk
      ? `SELECT t.id, t.name, t.created_at, p.name AS ${fk.replace(/_id$/, '')}_name\n    FROM ${s}.${table.name} t\n    LEFT JOIN ${s}.${fk.replace(/_id$/, '')} p ON p.id = t.${fk}`
      : `SELECT t.id, t.name, t.created_at\n    FROM ${s}.${table.name} t\n    WHERE t.created_at > now() - interval '30 days'`;
    add(`view_${name}`, 'create view', [`CREATE VIEW ${s}.${name} AS\n    ${body};`]);
    return true;
  };

  const createFunction = () => {
    if (tables.length === 0) return false;
    const table = pick(tables);
    const n = functions.length + 1;
    expected.functions++;
    if (n % 2) {
      const name = `count_${table.name}_${pad(n)}`;
      functions.push(name);
      add(`function_${name}`, 'create function', [
        `CREATE FUNCTION ${s}.${name}(since timestamptz DEFAULT '-infinity') RETURNS bigint\n    LANGUAGE sql STABLE\n    AS $$ SELECT count(*) FROM ${s}.${table.name} WHERE created_at >= since $$;`,
      ]);
    } else {
      const name = `rename_${table.name}_${pad(n)}`;
      functions.push(name);
      add(`function_${name}`, 'create function', [
        `CREATE FUNCTION ${s}.${name}(p_id bigint, p_name text) RETURNS void\n    LANGUAGE plpgsql\n    AS $body$\nBEGIN\n    -- a semicolon; inside the body must not split the statement\n    UPDATE ${s}.${table.name} SET name = p_name WHERE id = p_id;\n    IF NOT FOUND THEN\n        RAISE EXCEPTION 'no row %', p_id;\n    END IF;\nEND;\n$body$;`,
      ]);
    }
    return true;
  };

  // V1: the schema.
  add('create_schema', 'create schema', [`CREATE SCHEMA ${s};`]);
  const repeatables = repeatableCount(count);
  const steps = [
    [0.3, createTable],
    [0.2, addColumn],
    [0.15, createIndex],
    [0.12, addForeignKey],
    [0.13, createView],
    [0.1, createFunction],
  ];
  while (expected.versioned < count - repeatables) {
    if (tables.length < 3) {
      createTable();
      continue;
    }
    let r = random();
    let step = steps[steps.length - 1][1];
    for (const [weight, fn] of steps) {
      if (r < weight) {
        step = fn;
        break;
      }
      r -= weight;
    }
    if (!step()) createTable();
  }

  // Repeatables: reporting views and functions over the finished tables (run after all versions).
  for (let k = 1; k <= repeatables; k++) {
    const picked = [0, 1, 2].map((j) => tables[(k * 7 + j * 13) % tables.length]);
    const view = `report_${pad(k, 2)}`;
    const fn = `report_${pad(k, 2)}_total`;
    expected.views++;
    expected.functions++;
    expected.repeatable++;
    expected.statements += 2;
    kinds.repeatable = (kinds.repeatable ?? 0) + 1;
    migrations.push({
      file: `R__reporting_${pad(k, 2)}.sql`,
      version: null,
      kind: 'repeatable',
      sql: `CREATE OR REPLACE VIEW ${s}.${view} AS\n${picked.map((t) => `    SELECT '${t.name}'::text AS source, count(*) AS row_count FROM ${s}.${t.name}`).join('\n    UNION ALL\n')};\n\n` +
        `CREATE OR REPLACE FUNCTION ${s}.${fn}() RETURNS numeric\n    LANGUAGE sql STABLE\n    AS $$ SELECT sum(row_count) FROM ${s}.${view} $$;\n`,
    });
  }
  return { migrations, expected: { ...expected, kinds } };
}

/**
 * Writes the project into `dir`: flyway.toml (`[flyway] locations = ["filesystem:migrations"]`, after
 * the `environments` TOML text when given) and the migrations/ folder.
 */
export function writeMigrationsProject(dir, migrations, { environments = '' } = {}) {
  fs.mkdirSync(path.join(dir, 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'flyway.toml'), `${environments}[flyway]\nlocations = ["filesystem:migrations"]\n`);
  for (const m of migrations) fs.writeFileSync(path.join(dir, 'migrations', m.file), m.sql);
}

/** The psql baseline script: every migration in Flyway's order, each in its own transaction. */
export function psqlScript(migrations) {
  return migrations.map((m) => `-- ${m.file}\nBEGIN;\n${m.sql}COMMIT;\n`).join('\n');
}
