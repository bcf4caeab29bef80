/**
 * `-snapshotSchemas=a,b`: keep only some schemas of a side that holds several, as `schemas` does for
 * an environment. Every object lives in one schema (a schema object in itself; columns, indexes,
 * triggers and events inside their table or schema), and every catalog query reads by schema, so a
 * side cut down to some schemas is the model that reading only those schemas would have given: the
 * objects of the others and their names in the model's `schemas` list go. A name the side does not
 * hold is an error listing the ones it does; a side read without schema qualifiers (one schema named
 * `''`, e.g. a MySQL database named by its URL) has no names to choose from, which is an error too.
 */
import { ParityError } from '../errors.js';
import type { LoadedSource, SchemaSelection } from './source.js';

/** `loaded` restricted to `selection`'s schemas; `what` names the side in errors (`snapshot prod.json`). */
export function selectSchemas(loaded: LoadedSource, selection: SchemaSelection, what: string): LoadedSource {
  const held = loaded.model.schemas;
  if (held.includes('')) {
    throw new ParityError(
      'INVALID_ARGUMENT',
      `${what} was read without schema qualifiers (its one schema has no name), so snapshotSchemas cannot choose schemas from it`,
      { where: selection.setting },
    );
  }
  const missing = selection.schemas.filter((schema) => !held.includes(schema));
  if (missing.length > 0) {
    const names = missing.map((schema) => `"${schema}"`).join(', ');
    const holds = held.length > 0 ? `it holds ${held.join(', ')}` : 'it holds no schema';
    throw new ParityError('INVALID_ARGUMENT', `${what} holds no schema ${names} (${holds})`, { where: selection.setting });
  }
  const keep = new Set(selection.schemas);
  const model = {
    ...loaded.model,
    schemas: held.filter((schema) => keep.has(schema)),
    objects: loaded.model.objects.filter((object) => keep.has(object.schema)),
  };
  const description = `${loaded.side.description} (snapshotSchemas: ${model.schemas.join(', ')})`;
  return { model, side: { ...loaded.side, description } };
}
