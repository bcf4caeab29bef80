/**
 * PostgreSQL migration statements for row-level security policies and privileges (GRANT / REVOKE,
 * ALTER DEFAULT PRIVILEGES). Conventions: see postgres-migration-common.ts.
 */
import type { MigrationStep } from '../../generate/migration-hooks.js';
import type { Policy, SchemaObject } from '../../model/objects.js';
import { changeComment, createComment, equalValues, pairByName, step } from './postgres-migration-common.js';
import { commentTarget } from './postgres-render-common.js';
import { defaultPrivilegeGrants, defaultPrivilegeRevokes, privilegeChanges, roleName } from './postgres-render-privileges.js';
import { renderPolicy } from './postgres-render-table.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';

/** CREATE POLICY and its comment. */
export function createPolicySteps(schema: string, table: string, policy: Policy): MigrationStep[] {
  return [step('createPolicies', renderPolicy(schema, table, policy)), ...createComment(commentTarget.policy(schema, table, policy.name), policy.comment)];
}

function dropPolicyStep(schema: string, table: string, policy: Policy): MigrationStep {
  return step('dropPolicies', `DROP POLICY ${quoteIdent(policy.name)} ON ${qualifiedName(schema, table)}`);
}

/**
 * ALTER POLICY for what it can change (roles, USING, WITH CHECK: none removed); undefined when the
 * policy must be dropped and created again (a new command or permissiveness, a clause that goes away).
 */
function alterPolicySql(schema: string, table: string, from: Policy, to: Policy): string | undefined {
  if (from.command !== to.command || from.permissive !== to.permissive) return undefined;
  if ((from.using !== undefined && to.using === undefined) || (from.withCheck !== undefined && to.withCheck === undefined)) return undefined;
  let sql = `ALTER POLICY ${quoteIdent(to.name)} ON ${qualifiedName(schema, table)}`;
  if (!equalValues(from.roles, to.roles)) sql += ` TO ${to.roles.map(roleName).join(', ')}`;
  if (from.using !== to.using) sql += ` USING (${to.using})`;
  if (from.withCheck !== to.withCheck) sql += ` WITH CHECK (${to.withCheck})`;
  return sql;
}

/**
 * Policy changes of a table: new ones are created, removed ones dropped, changed ones altered in place
 * where ALTER POLICY can, else dropped and created again; `mustRebuild` names unchanged policies that
 * are dropped and created again all the same (they read a column whose type changes).
 */
export function policyChangeSteps(
  schema: string,
  table: string,
  from: readonly Policy[],
  to: readonly Policy[],
  mustRebuild: (policy: Policy) => boolean = () => false,
): MigrationStep[] {
  const steps: MigrationStep[] = [];
  for (const { from: before, to: after } of pairByName(from, to)) {
    if (before !== undefined && after === undefined) {
      steps.push(dropPolicyStep(schema, table, before));
    } else if (before === undefined && after !== undefined) {
      steps.push(...createPolicySteps(schema, table, after));
    } else if (before !== undefined && after !== undefined) {
      const core = (p: Policy) => ({ ...p, comment: undefined });
      const same = equalValues(core(before), core(after));
      if (mustRebuild(before)) {
        steps.push(dropPolicyStep(schema, table, before), ...createPolicySteps(schema, table, after));
        continue;
      }
      if (!same) {
        const alter = alterPolicySql(schema, table, before, after);
        if (alter === undefined) steps.push(dropPolicyStep(schema, table, before), step('createPolicies', renderPolicy(schema, table, after)));
        else steps.push(step('createPolicies', alter));
      }
      steps.push(...changeComment(commentTarget.policy(schema, table, after.name), before.comment, after.comment));
    }
  }
  return steps;
}

/** GRANT / REVOKE statements that give `to` its privileges (`from` undefined: a new object). */
export function privilegeSteps(to: SchemaObject, from: SchemaObject | undefined): MigrationStep[] {
  return privilegeChanges(to, from?.privileges, to.privileges).map((sql) => step('grantPrivileges', sql));
}

/** ALTER DEFAULT PRIVILEGES of a schema: revokes before the script creates anything, grants last. */
export function defaultPrivilegeSteps(schema: string, from: SchemaObject | undefined, to: SchemaObject | undefined): MigrationStep[] {
  const before = from?.kind === 'schema' ? from.defaultPrivileges : undefined;
  const after = to?.kind === 'schema' ? to.defaultPrivileges : undefined;
  return [
    ...defaultPrivilegeRevokes(schema, before, after).map((sql) => step('revokeDefaultPrivileges', sql)),
    ...defaultPrivilegeGrants(schema, before, after).map((sql) => step('grantPrivileges', sql)),
  ];
}
