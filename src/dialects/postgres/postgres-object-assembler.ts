/**
 * Schemas, sequences, user-defined types (enums, domains, composite types) and extensions from
 * catalog rows.
 */
import type { CompositeType, DefaultPrivilege, Domain, EnumType, Extension, Privilege, SchemaDef, SchemaObject, Sequence } from '../../model/objects.js';
import { compareCodePoints, optional, sequenceOptions, sortByName } from './postgres-normalizer.js';
import type { ColumnRow, ConstraintRow, DefaultPrivilegeRow, ExtensionRow, PrivilegeRow, SchemaRow, SequenceCatalogRow, TypeRow } from './postgres-rows.js';
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

const DEFAULT_PRIVILEGE_TYPES: Readonly<Record<string, string>> = { r: 'TABLES', S: 'SEQUENCES', f: 'FUNCTIONS', T: 'TYPES', n: 'SCHEMAS' };

function privilege(row: { grantee: string; privilege: string; grantable: boolean }): Privilege {
  return { grantee: row.grantee, privilege: row.privilege, ...(row.grantable ? { grantable: true } : {}) };
}

/** Privileges by grantee, then privilege (code points). */
export function comparePrivileges(a: Privilege, b: Privilege): number {
  return compareCodePoints(a.grantee, b.grantee) || compareCodePoints(a.privilege, b.privilege);
}

function compareDefaultPrivileges(a: DefaultPrivilege, b: DefaultPrivilege): number {
  return compareCodePoints(a.role, b.role) || compareCodePoints(a.objectType, b.objectType) || comparePrivileges(a, b);
}

/**
 * The objects with the privileges of privileges.sql (a list on every table, view, materialized view,
 * sequence, routine and schema, empty when no role but the owner holds anything, so that "none" and
 * "not read" differ) and, on schemas, the default privileges of default_privileges.sql. Types and
 * extensions are left as they are (their privileges are not read).
 */
export function attachPrivileges(objects: readonly SchemaObject[], rows: readonly PrivilegeRow[], defaults: readonly DefaultPrivilegeRow[]): SchemaObject[] {
  const byObject = new Map<string, Privilege[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.kind, row.schema, row.name]);
    const list = byObject.get(key);
    if (list) list.push(privilege(row));
    else byObject.set(key, [privilege(row)]);
  }
  const bySchema = new Map<string, DefaultPrivilege[]>();
  for (const row of defaults) {
    const entry: DefaultPrivilege = { role: row.role, objectType: DEFAULT_PRIVILEGE_TYPES[row.objtype] ?? row.objtype, ...privilege(row) };
    const list = bySchema.get(row.schema);
    if (list) list.push(entry);
    else bySchema.set(row.schema, [entry]);
  }
  return objects.map((object) => {
    if (object.kind === 'enum' || object.kind === 'domain' || object.kind === 'compositeType' || object.kind === 'extension') return object;
    const privileges = (byObject.get(JSON.stringify([object.kind, object.schema, object.name])) ?? []).sort(comparePrivileges);
    const withPrivileges = { ...object, privileges };
    if (withPrivileges.kind !== 'schema') return withPrivileges;
    const defaultPrivileges = (bySchema.get(object.name) ?? []).sort(compareDefaultPrivileges);
    return defaultPrivileges.length > 0 ? { ...withPrivileges, defaultPrivileges } : withPrivileges;
  });
}
