/**
 * A model of one schema read "unqualified" (IntrospectOptions.unqualified): every reference to that
 * schema by name (an object's `schema`, a foreign key's `referencedSchema`, an ObjectRef's `schema`)
 * becomes `''`, meaning "the schema the session is in". Texts are the dialect's business (it reads
 * them relative to the schema); this is the plain-data half, the same for every dialect.
 */
import { ParityError } from '../errors.js';
import type { DatabaseModel, SchemaObject } from './objects.js';

const SCHEMA_KEYS = new Set(['schema', 'referencedSchema']);

function renamed<T>(value: T, schema: string): T {
  if (Array.isArray(value)) return value.map((item) => renamed(item, schema)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SCHEMA_KEYS.has(key) && inner === schema ? '' : renamed(inner, schema);
  }
  return out as T;
}

/**
 * `model` (which must cover exactly `schema`) with that schema's name replaced by `''`; its `schema`
 * object is renamed too (`''`), or dropped with `dropSchemaObject` when the dialect has nothing to say
 * about "the current schema" itself.
 */
export function unqualifyModel(model: DatabaseModel, schema: string, dropSchemaObject: boolean): DatabaseModel {
  const objects: SchemaObject[] = [];
  for (const object of model.objects) {
    if (object.kind === 'schema' && object.name === schema) {
      if (!dropSchemaObject) objects.push({ ...renamed(object, schema), name: '' });
      continue;
    }
    objects.push(renamed(object, schema));
  }
  return { ...model, schemas: [''], objects };
}

/** `schema.name` for messages and headers; just `name` in schema `''` (a model read unqualified). */
export function shownName(schema: string, name: string): string {
  return schema === '' ? name : `${schema}.${name}`;
}

/**
 * Refuses an unqualified read of other than exactly one schema (`what`: the dialect's word for a
 * schema, `database` for MySQL) with INVALID_ARGUMENT.
 */
export function requireOneSchema(schemas: readonly string[], what = 'schema'): void {
  if (schemas.length !== 1) {
    throw new ParityError('INVALID_ARGUMENT', `a comparison without ${what} qualifiers reads exactly one ${what}, not ${schemas.length} (${schemas.join(', ')})`);
  }
}
