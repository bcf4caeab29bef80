/**
 * PostgreSQL GRANT / REVOKE statements for the privileges of an object and the default privileges of
 * a schema (read with `-include=privileges`). Conventions: see postgres-renderer.ts.
 *
 * A model's `privileges` are what roles other than the owner hold. A new object starts with
 * PostgreSQL's built-in default (routines: EXECUTE for PUBLIC; everything else: nothing), so creating
 * one takes the GRANTs of what it holds beyond that default and the REVOKEs of the default it lacks.
 */
import type { DefaultPrivilege, Privilege, Routine, SchemaObject } from '../../model/objects.js';
import { routineKeyword } from './postgres-render-common.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';

/** `PUBLIC` or the quoted role name. */
export function roleName(role: string): string {
  return role === 'PUBLIC' ? 'PUBLIC' : quoteIdent(role);
}

/** `s.name(type, type)` as GRANT takes a routine (an aggregate without arguments is `name()`). */
function routineTarget(routine: Routine): string {
  const inputs = routine.arguments
    .filter((argument) => argument.mode === 'IN' || argument.mode === 'INOUT' || argument.mode === 'VARIADIC')
    .map((argument) => (argument.mode === 'VARIADIC' ? `VARIADIC ${argument.type}` : argument.type));
  const keyword = routineKeyword(routine) === 'PROCEDURE' ? 'PROCEDURE' : 'FUNCTION';
  return `${keyword} ${qualifiedName(routine.schema, routine.baseName)}(${inputs.join(', ')})`;
}

/** What GRANT ... ON names: `TABLE s.t`, `SEQUENCE s.q`, `FUNCTION s.f(integer)`, `SCHEMA s`; none for other kinds. */
export function privilegeTarget(object: SchemaObject): string | undefined {
  switch (object.kind) {
    case 'table':
    case 'view':
    case 'materializedView':
      return `TABLE ${qualifiedName(object.schema, object.name)}`;
    case 'sequence':
      return `SEQUENCE ${qualifiedName(object.schema, object.name)}`;
    case 'function':
    case 'procedure':
    case 'aggregate':
      return routineTarget(object);
    case 'schema':
      return `SCHEMA ${quoteIdent(object.name)}`;
    default:
      return undefined;
  }
}

/** What a new object of this kind holds before any GRANT (acldefault, without the owner). */
export function builtInPrivileges(object: SchemaObject): Privilege[] {
  return object.kind === 'function' || object.kind === 'procedure' || object.kind === 'aggregate' ? [{ grantee: 'PUBLIC', privilege: 'EXECUTE' }] : [];
}

function key(privilege: Privilege): string {
  return JSON.stringify([privilege.grantee, privilege.privilege, privilege.grantable === true]);
}

/** Entries of `a` that `b` does not have (grant option counted), in `a`'s order. */
export function privilegesMissing<T extends Privilege>(a: readonly T[], b: readonly T[], extraKey: (p: T) => string = () => ''): T[] {
  const present = new Set(b.map((p) => extraKey(p) + key(p)));
  return a.filter((p) => !present.has(extraKey(p) + key(p)));
}

/**
 * One statement per grantee (and grant option): `GRANT SELECT, UPDATE ON TABLE s.t TO r [WITH GRANT
 * OPTION]`, or `REVOKE ... FROM r` (a grant option is revoked with the privilege).
 */
function statements(action: 'GRANT' | 'REVOKE', on: string, privileges: readonly Privilege[]): string[] {
  const groups = new Map<string, { grantee: string; grantable: boolean; names: string[] }>();
  for (const p of privileges) {
    const grantable = action === 'GRANT' && p.grantable === true;
    const id = JSON.stringify([p.grantee, grantable]);
    const group = groups.get(id);
    if (group) group.names.push(p.privilege);
    else groups.set(id, { grantee: p.grantee, grantable, names: [p.privilege] });
  }
  return [...groups.values()].map(({ grantee, grantable, names }) =>
    action === 'GRANT'
      ? `GRANT ${names.join(', ')} ON ${on} TO ${roleName(grantee)}${grantable ? ' WITH GRANT OPTION' : ''}`
      : `REVOKE ${names.join(', ')} ON ${on} FROM ${roleName(grantee)}`,
  );
}

/**
 * The REVOKE and GRANT statements that turn the privileges `from` into `to` on `object` (`from`
 * undefined: a new object, which starts with the built-in default). Nothing when `to` was not read.
 */
export function privilegeChanges(object: SchemaObject, from: readonly Privilege[] | undefined, to: readonly Privilege[] | undefined): string[] {
  const on = privilegeTarget(object);
  if (on === undefined || to === undefined) return [];
  const before = from ?? builtInPrivileges(object);
  return [...statements('REVOKE', on, privilegesMissing(before, to)), ...statements('GRANT', on, privilegesMissing(to, before))];
}

/** The statements that give a new object its privileges. */
export function renderPrivileges(object: SchemaObject): string[] {
  return privilegeChanges(object, undefined, object.privileges);
}

const defaultKey = (p: DefaultPrivilege) => JSON.stringify([p.role, p.objectType]);

function defaultStatements(action: 'GRANT' | 'REVOKE', schema: string, privileges: readonly DefaultPrivilege[]): string[] {
  const bySubject = new Map<string, DefaultPrivilege[]>();
  for (const p of privileges) {
    const list = bySubject.get(defaultKey(p));
    if (list) list.push(p);
    else bySubject.set(defaultKey(p), [p]);
  }
  return [...bySubject.values()].flatMap((list) => {
    const { role, objectType } = list[0]!;
    const head = `ALTER DEFAULT PRIVILEGES FOR ROLE ${roleName(role)} IN SCHEMA ${quoteIdent(schema)} `;
    return statements(action, objectType, list).map((sql) => head + sql);
  });
}

/** ALTER DEFAULT PRIVILEGES ... REVOKE for the defaults `from` has and `to` lacks. */
export function defaultPrivilegeRevokes(schema: string, from: readonly DefaultPrivilege[] | undefined, to: readonly DefaultPrivilege[] | undefined): string[] {
  return defaultStatements('REVOKE', schema, privilegesMissing(from ?? [], to ?? [], defaultKey));
}

/** ALTER DEFAULT PRIVILEGES ... GRANT for the defaults `to` has and `from` lacks. */
export function defaultPrivilegeGrants(schema: string, from: readonly DefaultPrivilege[] | undefined, to: readonly DefaultPrivilege[] | undefined): string[] {
  return defaultStatements('GRANT', schema, privilegesMissing(to ?? [], from ?? [], defaultKey));
}
