/**
 * PostgreSQL DDL for user-defined types: enums, domains, composite types.
 * Conventions: see postgres-renderer.ts.
 */
import type { CompositeAttribute, CompositeType, Domain, EnumType } from '../../model/objects.js';
import { collateClause, commentIfPresent, commentTarget } from './postgres-render-common.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './postgres-quoting.js';

/** `CREATE TYPE s.t AS ENUM ('a', 'b')` and its comment. Not terminated. */
export function renderEnumStatements(type: EnumType): string[] {
  return [
    `CREATE TYPE ${qualifiedName(type.schema, type.name)} AS ENUM (${type.values.map(quoteLiteral).join(', ')})`,
    ...commentIfPresent(commentTarget.object('TYPE', type.schema, type.name), type.comment),
  ];
}

/**
 * `CREATE DOMAIN s.d AS base [COLLATE c] [DEFAULT d] [NOT NULL]`, each check constraint on its own
 * indented line, then comments on the domain and its constraints. Not terminated.
 */
export function renderDomainStatements(domain: Domain): string[] {
  const { schema, name } = domain;
  let head = `CREATE DOMAIN ${qualifiedName(schema, name)} AS ${domain.baseType}${collateClause(domain.collation)}`;
  if (domain.default !== undefined) head += ` DEFAULT ${domain.default}`;
  if (!domain.nullable) head += ' NOT NULL';
  const checks = domain.checkConstraints.map((c) => `\n    CONSTRAINT ${quoteIdent(c.name)} CHECK (${c.expression})`);
  return [
    head + checks.join(''),
    ...commentIfPresent(commentTarget.object('DOMAIN', schema, name), domain.comment),
    ...domain.checkConstraints.flatMap((c) =>
      commentIfPresent(commentTarget.domainConstraint(schema, name, c.name), c.comment),
    ),
  ];
}

/** One attribute of a composite type: `name type [COLLATE c]`. */
export function renderAttributeDefinition(attribute: CompositeAttribute): string {
  return `${quoteIdent(attribute.name)} ${attribute.type}${collateClause(attribute.collation)}`;
}

/** `CREATE TYPE s.t AS (...)`, one attribute per indented line, then comments. Not terminated. */
export function renderCompositeTypeStatements(type: CompositeType): string[] {
  const { schema, name } = type;
  const attributes = type.attributes.map((a) => `    ${renderAttributeDefinition(a)}`);
  const body = attributes.length === 0 ? '()' : `(\n${attributes.join(',\n')}\n)`;
  return [
    `CREATE TYPE ${qualifiedName(schema, name)} AS ${body}`,
    ...commentIfPresent(commentTarget.object('TYPE', schema, name), type.comment),
    ...type.attributes.flatMap((a) => commentIfPresent(commentTarget.column(schema, name, a.name), a.comment)),
  ];
}
