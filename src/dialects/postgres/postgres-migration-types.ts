/**
 * PostgreSQL migration statements for user-defined types.
 *
 * - Enums: new values with ALTER TYPE ... ADD VALUE [BEFORE|AFTER] when the existing values keep
 *   their order. A removed or reordered value cannot be altered: the type is recreated (renamed out of
 *   the way, created again, every table column of the old type converted through text, the old type
 *   dropped), which fails if a row holds a removed value (destructive). The same recreation is used
 *   when a new value is used elsewhere in the script: PostgreSQL rejects the use of a value added by
 *   ADD VALUE in the transaction that added it.
 * - Domains: ALTER DOMAIN for default, NOT NULL and check constraints; a new base type or collation
 *   recreates the domain the same way (converting columns with a cast).
 * - Composite types: ALTER TYPE ... ADD / DROP / ALTER ATTRIBUTE.
 *
 * The recreation is in postgres-migration-retype.ts. Conventions: see postgres-migration-common.ts.
 */
import type { MigrationContext, MigrationStep } from '../../generate/migration-hooks.js';
import type { CompositeType, Domain, EnumType } from '../../model/objects.js';
import { changeComment, createComment, equalValues, pairByName, step } from './postgres-migration-common.js';
import { collateClause } from './postgres-render-common.js';
import { contextFacts } from './postgres-migration-context.js';
import { recreateTypeSteps } from './postgres-migration-retype.js';
import { isWidening } from './postgres-type-widening.js';
import { commentTarget, renderAttributeDefinition } from './postgres-renderer.js';
import { renderCompositeTypeStatements, renderDomainStatements, renderEnumStatements } from './postgres-render-types.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './postgres-quoting.js';

type UserType = EnumType | Domain | CompositeType;

/** The CREATE statement alone, in the type's create phase, then comments. */
export function createTypeSteps(type: UserType): MigrationStep[] {
  const { schema, name } = type;
  switch (type.kind) {
    case 'enum':
      return [step('createEnums', renderEnumStatements({ ...type, comment: undefined })[0]!), ...createComment(commentTarget.object('TYPE', schema, name), type.comment)];
    case 'domain':
      return [
        step('createDomains', renderDomainStatements({ ...type, comment: undefined, checkConstraints: type.checkConstraints.map((c) => ({ ...c, comment: undefined })) })[0]!),
        ...createComment(commentTarget.object('DOMAIN', schema, name), type.comment),
        ...type.checkConstraints.flatMap((c) => createComment(commentTarget.domainConstraint(schema, name, c.name), c.comment)),
      ];
    case 'compositeType':
      return [
        step('createCompositeTypes', renderCompositeTypeStatements({ ...type, comment: undefined, attributes: type.attributes.map((a) => ({ ...a, comment: undefined })) })[0]!),
        ...createComment(commentTarget.object('TYPE', schema, name), type.comment),
        ...type.attributes.flatMap((a) => createComment(commentTarget.column(schema, name, a.name), a.comment)),
      ];
  }
}

export function dropTypeSteps(type: UserType): MigrationStep[] {
  const qualified = qualifiedName(type.schema, type.name);
  switch (type.kind) {
    case 'enum':
      return [step('dropEnums', `DROP TYPE ${qualified}`)];
    case 'domain':
      return [step('dropDomains', `DROP DOMAIN ${qualified}`)];
    case 'compositeType':
      return [step('dropCompositeTypes', `DROP TYPE ${qualified}`)];
  }
}

// ---------------------------------------------------------------------------------------------
// Enums

/** Whether `before` keeps its order inside `after` (values are only added). */
function onlyAdditions(before: readonly string[], after: readonly string[]): boolean {
  let at = 0;
  for (const value of after) if (at < before.length && value === before[at]) at++;
  return at === before.length;
}

/** Whether anything the script creates or changes spells one of `values` as a literal of the type. */
function usesValues(type: EnumType, values: readonly string[], context: MigrationContext): boolean {
  if (values.length === 0) return false;
  const qualified = qualifiedName(type.schema, type.name);
  const literals = values.map((value) => `${quoteLiteral(value)}::${qualified}`);
  return contextFacts(context).sourceStrings().some((text) => literals.some((literal) => text.includes(literal)));
}

export type EnumPlan = 'unchanged' | 'addValues' | 'recreate';

export function enumPlan(from: EnumType, to: EnumType, context: MigrationContext): EnumPlan {
  if (equalValues(from.values, to.values)) return 'unchanged';
  if (!onlyAdditions(from.values, to.values)) return 'recreate';
  const added = to.values.filter((value) => !from.values.includes(value));
  return usesValues(to, added, context) ? 'recreate' : 'addValues';
}

export function alterEnumSteps(from: EnumType, to: EnumType, context: MigrationContext): MigrationStep[] {
  const { schema, name } = to;
  const qualified = qualifiedName(schema, name);
  const steps: MigrationStep[] = [];
  const plan = enumPlan(from, to, context);
  if (plan === 'addValues') {
    const existing = new Set(from.values);
    to.values.forEach((value, i) => {
      if (existing.has(value)) return;
      // After the value before it (existing or just added); the first value goes before the next one.
      const position = i > 0 ? ` AFTER ${quoteLiteral(to.values[i - 1]!)}` : from.values.length > 0 ? ` BEFORE ${quoteLiteral(to.values.find((v) => existing.has(v))!)}` : '';
      steps.push(step('alterEnums', `ALTER TYPE ${qualified} ADD VALUE ${quoteLiteral(value)}${position}`));
    });
  } else if (plan === 'recreate') {
    const removed = from.values.filter((value) => !to.values.includes(value));
    const destructive =
      removed.length > 0
        ? `recreates enum ${qualified} without ${removed.map(quoteLiteral).join(', ')}: fails if a row still holds ${removed.length === 1 ? 'that value' : 'one of those values'}`
        : undefined;
    const create = renderEnumStatements({ ...to, comment: undefined })[0]!;
    steps.push(...recreateTypeSteps('alterEnums', { keyword: 'TYPE', schema, name, create, via: '::text', ...(destructive ? { destructive } : {}) }));
  }
  steps.push(...changeComment(commentTarget.object('TYPE', schema, name), from.comment, to.comment));
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Domains

function domainMustRecreate(from: Domain, to: Domain): boolean {
  return from.baseType !== to.baseType || from.collation !== to.collation;
}

export function alterDomainSteps(from: Domain, to: Domain): MigrationStep[] {
  const { schema, name } = to;
  const qualified = qualifiedName(schema, name);
  const comments: MigrationStep[] = [...changeComment(commentTarget.object('DOMAIN', schema, name), from.comment, to.comment)];
  if (domainMustRecreate(from, to)) {
    const create = renderDomainStatements({ ...to, comment: undefined, checkConstraints: to.checkConstraints.map((c) => ({ ...c, comment: undefined })) })[0]!;
    const destructive = `recreates domain ${qualified} as ${to.baseType}${collateClause(to.collation)} (was ${from.baseType}${collateClause(from.collation)}): columns are converted with a cast, which can fail or change values`;
    return [
      ...recreateTypeSteps('alterDomains', { keyword: 'DOMAIN', schema, name, create, via: '', destructive }),
      ...to.checkConstraints.flatMap((c) => createComment(commentTarget.domainConstraint(schema, name, c.name), c.comment)),
      ...comments,
    ];
  }
  const alter = (clause: string) => step('alterDomains', `ALTER DOMAIN ${qualified} ${clause}`);
  const drops: MigrationStep[] = [];
  const adds: MigrationStep[] = [];
  for (const { from: before, to: after } of pairByName(from.checkConstraints, to.checkConstraints)) {
    const same = before !== undefined && after !== undefined && before.expression === after.expression && before.noInherit === after.noInherit;
    if (before !== undefined && !same) drops.push(alter(`DROP CONSTRAINT ${quoteIdent(before.name)}`));
    if (after !== undefined && !same) {
      adds.push(alter(`ADD CONSTRAINT ${quoteIdent(after.name)} CHECK (${after.expression})`));
      comments.push(...createComment(commentTarget.domainConstraint(schema, name, after.name), after.comment));
    }
    if (same) comments.push(...changeComment(commentTarget.domainConstraint(schema, name, after.name), before.comment, after.comment));
  }
  const steps = [...drops];
  if (from.default !== to.default) steps.push(alter(to.default === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${to.default}`));
  if (from.nullable !== to.nullable) steps.push(alter(to.nullable ? 'DROP NOT NULL' : 'SET NOT NULL'));
  return [...steps, ...adds, ...comments];
}

export function domainAlterKeepsDependents(from: Domain, to: Domain): boolean {
  return !domainMustRecreate(from, to);
}

// ---------------------------------------------------------------------------------------------
// Composite types

export function alterCompositeTypeSteps(from: CompositeType, to: CompositeType): MigrationStep[] {
  const { schema, name } = to;
  const qualified = qualifiedName(schema, name);
  const steps: MigrationStep[] = [];
  const comments: MigrationStep[] = [...changeComment(commentTarget.object('TYPE', schema, name), from.comment, to.comment)];
  const alter = (clause: string, destructive?: string) => step('alterCompositeTypes', `ALTER TYPE ${qualified} ${clause}`, destructive);
  for (const { from: before, to: after } of pairByName(from.attributes, to.attributes)) {
    if (before !== undefined && after === undefined) {
      steps.push(alter(`DROP ATTRIBUTE ${quoteIdent(before.name)}`, `drops attribute ${quoteIdent(before.name)} of type ${qualified} and its values`));
    } else if (before === undefined && after !== undefined) {
      steps.push(alter(`ADD ATTRIBUTE ${renderAttributeDefinition(after)}`));
      comments.push(...createComment(commentTarget.column(schema, name, after.name), after.comment));
    } else if (before !== undefined && after !== undefined) {
      if (before.type !== after.type || before.collation !== after.collation) {
        const destructive = isWidening(before.type, after.type)
          ? undefined
          : `changes attribute ${quoteIdent(after.name)} of type ${qualified} from ${before.type} to ${after.type}: values that do not fit are rejected or changed`;
        steps.push(alter(`ALTER ATTRIBUTE ${quoteIdent(after.name)} SET DATA TYPE ${after.type}${collateClause(after.collation)}`, destructive));
      }
      comments.push(...changeComment(commentTarget.column(schema, name, after.name), before.comment, after.comment));
    }
  }
  return [...steps, ...comments];
}

export function compositeAlterKeepsDependents(from: CompositeType, to: CompositeType): boolean {
  const after = new Map(to.attributes.map((a) => [a.name, a]));
  return from.attributes.every((a) => {
    const other = after.get(a.name);
    return other !== undefined && other.type === a.type && other.collation === a.collation;
  });
}
