/**
 * The layout of a schema-model folder: one SQL file per object, in a folder per object kind, named
 * after the object. parity writes exactly this layout; when it reads a folder, names and folders do not
 * matter (any `*.sql` file anywhere below it is read, in dependency order).
 *
 *   Schemas/sales.sql                       Tables/sales.orders.sql
 *   Extensions/public.citext.sql            Views/sales.order_totals.sql
 *   Types/sales.order_status.sql            MaterializedViews/sales.daily_totals.sql
 *   Domains/sales.email.sql                 Functions/sales.order_total(integer).sql
 *   Sequences/sales.invoice_no.sql          Procedures/..., Aggregates/...
 *
 * File names are `schema.name.sql` (`name.sql` for schemas, and for objects of an unqualified model,
 * whose schema is `''`: a MySQL schema model is one database, `Tables/orders.sql`; that database's own
 * options and events are `Schemas/database.sql`); routines carry their argument types, as
 * overloads are separate objects. Characters that are unsafe in file names on some system
 * (`/ \ : * ? " < > |`, `%`, control characters) are written as `%XX` (UTF-8 bytes), and so is `.` in
 * the schema part, so `schema.name` splits at the first dot. Names longer than the file system allows
 * are shortened and end in a hash of the full name.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ObjectKind, SchemaObject } from '../model/objects.js';

/** The folder for each object kind (exhaustive: a new kind must choose its folder). */
export const KIND_FOLDERS: Readonly<Record<ObjectKind, string>> = {
  schema: 'Schemas',
  extension: 'Extensions',
  enum: 'Types',
  compositeType: 'Types',
  domain: 'Domains',
  sequence: 'Sequences',
  function: 'Functions',
  procedure: 'Procedures',
  aggregate: 'Aggregates',
  table: 'Tables',
  view: 'Views',
  materializedView: 'MaterializedViews',
  synonym: 'Synonyms',
  package: 'Packages',
};

/** Longest file name written, in UTF-8 bytes (most file systems allow 255). */
const MAX_NAME_BYTES = 200;

function encode(text: string, extra: RegExp | undefined): string {
  let out = '';
  for (const char of text) {
    const unsafe = /[/\\:*?"<>|%\u0000-\u001f\u007f]/.test(char) || (extra !== undefined && extra.test(char));
    out += unsafe
      ? [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
      : char;
  }
  return out;
}

/** The file name of an object (without folder): `sales.orders.sql`, `sales.total(integer).sql`. */
export function objectFileName(object: SchemaObject): string {
  if (object.kind === 'schema') return safeFileName(object.name === '' ? 'database' : encode(object.name, /\./), `${object.schema}\u0000${object.name}`, '.sql');
  return qualifiedFileName(object.schema, object.name, '.sql');
}

/**
 * A file name for `schema.name` (`name` when the schema is ''), characters unsafe in file names
 * written as `%XX`, shortened with a hash when too long: `sales.orders.jsonl`.
 */
export function qualifiedFileName(schema: string, name: string, extension: string): string {
  const base = schema === '' ? encode(name, undefined) : `${encode(schema, /\./)}.${encode(name, undefined)}`;
  return safeFileName(base, `${schema}\u0000${name}`, extension);
}

function safeFileName(base: string, identity: string, extension: string): string {
  const name = `${base}${extension}`;
  if (Buffer.byteLength(name, 'utf8') <= MAX_NAME_BYTES) return name;
  const hash = createHash('sha1').update(identity, 'utf8').digest('hex').slice(0, 12);
  let prefix = '';
  for (const char of base) {
    if (Buffer.byteLength(prefix + char, 'utf8') > MAX_NAME_BYTES - 18) break;
    prefix += char;
  }
  return `${prefix}~${hash}${extension}`;
}

/** The object's path relative to the schema-model folder, with `/` separators: `Tables/sales.orders.sql`. */
export function objectFilePath(object: SchemaObject): string {
  return `${KIND_FOLDERS[object.kind]}/${objectFileName(object)}`;
}

/** The kind a folder name stands for (the first kind using it), for messages and parse hints. */
export function kindOfFolder(folder: string): ObjectKind | undefined {
  const entry = Object.entries(KIND_FOLDERS).find(([, name]) => name.toLowerCase() === folder.toLowerCase());
  return entry?.[0] as ObjectKind | undefined;
}

/** The canonical text of an object's file: the dialect's CREATE DDL and one trailing newline. */
export function fileText(ddl: string): string {
  return `${ddl.replace(/\s+$/, '')}\n`;
}

/** `path.join` for a layout path (`Tables/x.sql`) under a folder, with the platform's separators. */
export function resolveLayoutPath(folder: string, relative: string): string {
  return path.join(folder, ...relative.split('/'));
}
