/**
 * Schemas, sequences, user-defined types (enums, domains, composite types) and extensions from
 * catalog rows.
 */
import type { CompositeType, Domain, EnumType, Extension, SchemaDef, Sequence } from '../../model/objects.js';
import { optional, sequenceOptions, sortByName } from './postgres-normalizer.js';
import type { ColumnRow, ConstraintRow, ExtensionRow, SchemaRow, SequenceCatalogRow, TypeRow } from './postgres-rows.js';
import { checkConstraint } from './postgres-table-assembler.js';

export function schema(row: SchemaRow): SchemaDef {
  return { kind: 'schema', schema: row.name, name: row.name, ...optional('comment', row.comment) };
}

/**
 * A stand-alone or serial-owned sequence; options equal to PostgreSQL's defaults are omitted (see
 * `sequenceOptions`). `ownedBy` is `table.column`, quoted as quote_ident does; `schema.table.column`
 * if the table were in another schema (PostgreSQL currently refuses that: OWNED BY needs the same
 * schema).
 */
export function sequence(row: SequenceCatalogRow): Sequence {
  const ownedBy = row.owner_schema === row.schema ? row.owned_by : row.owned_by_qualified;
  return {
    kind: 'sequence',
    schema: row.schema,
    name: row.name,
    ...optional('comment', row.comment),
    ...sequenceOptions(row),
    ...optional('ownedBy', ownedBy),
  };
}

export function enumType(row: TypeRow): EnumType {
  return {
    kind: 'enum',
    schema: row.schema,
    name: row.name,
    ...optional('comment', row.comment),
    values: row.enum_values ?? [],
  };
}

export function domain(row: TypeRow, constraints: readonly ConstraintRow[]): Domain {
  return {
    kind: 'domain',
    schema: row.schema,
    name: row.name,
    ...optional('comment', row.comment),
    baseType: row.base_type ?? '',
    nullable: !row.not_null,
    ...optional('default', row.default_expr),
    ...optional('collation', row.collation),
    checkConstraints: sortByName(constraints.filter((c) => c.type === 'c').map(checkConstraint)),
  };
}

export function compositeType(row: TypeRow, attributes: readonly ColumnRow[]): CompositeType {
  return {
    kind: 'compositeType',
    schema: row.schema,
    name: row.name,
    ...optional('comment', row.comment),
    attributes: attributes.map((a) => ({
      name: a.name,
      type: a.type,
      ...optional('collation', a.collation),
      ...optional('comment', a.comment),
    })),
  };
}

export function extension(row: ExtensionRow): Extension {
  return {
    kind: 'extension',
    schema: row.schema,
    name: row.name,
    ...optional('comment', row.comment),
    ...optional('version', row.version),
  };
}
