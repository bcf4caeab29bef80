/**
 * What one schema-model statement defines, needs and belongs to, from its parse tree (libpg-query via
 * pgsql-parser), as the object keys of postgres-sql-statements.ts (`rel:schema.name`, `fn:...`):
 * `analyze` per statement type, with the targets of COMMENT, GRANT and OWNED BY.
 */
import { child, key, list, names, objectWithArgsIdentity, parameterTypes, PUBLIC, rangeVarParts, routineIdentity, str, type AstNode } from './postgres-sql-ast.js';

export interface Analysis {
  provides: string[];
  owner?: string;
  /** Owner to resolve through the folder (COMMENT ON INDEX names the index, owned by its table). */
  ownerVia?: string;
  extraRequires: string[];
}

function qualified(space: 'rel' | 'fn', parts: readonly string[]): string | undefined {
  return key(space, parts, true);
}

function commentTarget(body: AstNode, definedTypes: ReadonlySet<string>): Analysis {
  const objtype = str(body, 'objtype') ?? '';
  const object = body['object'];
  const listItems = names(list(child(object, 'List'), 'items'));
  const single = str(child(object, 'String'), 'sval');
  switch (objtype) {
    case 'OBJECT_SCHEMA':
      return { provides: [], owner: `schema:${single}`, extraRequires: [`schema:${single}`] };
    case 'OBJECT_EXTENSION':
      return { provides: [], owner: `ext:${single}`, extraRequires: [`ext:${single}`] };
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_AGGREGATE':
    case 'OBJECT_ROUTINE': {
      const identity = objectWithArgsIdentity(child(object, 'ObjectWithArgs'), definedTypes);
      return { provides: [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const typeKey = qualified('rel', names(list(child(object, 'TypeName'), 'names')));
      return { provides: [], ...(typeKey ? { owner: typeKey } : {}), extraRequires: [] };
    }
    case 'OBJECT_DOMCONSTRAINT': {
      const domain = qualified('rel', names(list(child(list(child(object, 'List'), 'items')[0], 'TypeName'), 'names')));
      return { provides: [], ...(domain ? { owner: domain } : {}), extraRequires: domain ? [domain] : [] };
    }
    case 'OBJECT_COLUMN':
    case 'OBJECT_TABCONSTRAINT':
    case 'OBJECT_TRIGGER':
    case 'OBJECT_POLICY':
    case 'OBJECT_RULE': {
      const relation = qualified('rel', listItems.slice(0, -1));
      return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: relation ? [relation] : [] };
    }
    case 'OBJECT_INDEX':
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_SEQUENCE':
    case 'OBJECT_FOREIGN_TABLE': {
      const relation = qualified('rel', listItems);
      return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: relation ? [relation] : [] };
    }
    default:
      return { provides: [], extraRequires: [] };
  }
}

export function analyze(type: string, body: AstNode, definedTypes: ReadonlySet<string>): Analysis {
  const self = (space: 'rel' | 'fn', parts: readonly string[]): Analysis => {
    const k = qualified(space, parts);
    return { provides: k ? [k] : [], ...(k ? { owner: k } : {}), extraRequires: [] };
  };
  switch (type) {
    case 'CreateSchemaStmt': {
      const name = str(body, 'schemaname');
      return name === undefined ? { provides: [], extraRequires: [] } : { provides: [`schema:${name}`], owner: `schema:${name}`, extraRequires: [] };
    }
    case 'CreateExtensionStmt': {
      const name = str(body, 'extname') ?? '';
      const schemaOption = list(body, 'options')
        .map((o) => child(o, 'DefElem'))
        .find((d) => str(d, 'defname') === 'schema');
      const schema = str(child(schemaOption?.['arg'], 'String'), 'sval');
      return { provides: [`ext:${name}`], owner: `ext:${name}`, extraRequires: schema ? [`schema:${schema}`] : [] };
    }
    case 'CreateStmt':
      return self('rel', rangeVarParts(child(body, 'relation')));
    case 'CreateSeqStmt':
      return self('rel', rangeVarParts(child(body, 'sequence')));
    case 'ViewStmt':
      return self('rel', rangeVarParts(child(body, 'view')));
    case 'CreateTableAsStmt':
      return self('rel', rangeVarParts(child(child(body, 'into'), 'rel')));
    case 'CompositeTypeStmt':
      return self('rel', rangeVarParts(child(body, 'typevar')));
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return self('rel', names(list(body, 'typeName')));
    case 'CreateDomainStmt':
      return self('rel', names(list(body, 'domainname')));
    case 'CreateFunctionStmt': {
      const parts = names(list(body, 'funcname'));
      const bare = qualified('fn', parts);
      const identity = routineIdentity(parts, parameterTypes(list(body, 'parameters'), definedTypes));
      return { provides: bare ? [bare] : [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
    }
    case 'DefineStmt': {
      const kind = str(body, 'kind');
      const parts = names(list(body, 'defnames'));
      if (kind === 'OBJECT_AGGREGATE') {
        const bare = qualified('fn', parts);
        const args = list(child(list(body, 'args')[0], 'List'), 'items');
        const identity = routineIdentity(parts, parameterTypes(args, definedTypes));
        return { provides: bare ? [bare] : [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
      }
      if (kind === 'OBJECT_TYPE' || kind === 'OBJECT_COLLATION') return self('rel', parts);
      return { provides: [], extraRequires: [] };
    }
    case 'IndexStmt': {
      const table = rangeVarParts(child(body, 'relation'));
      const tableKey = qualified('rel', table);
      const idxname = str(body, 'idxname');
      const schema = table.length >= 2 ? table[0]! : PUBLIC;
      return { provides: idxname ? [`rel:${schema}.${idxname}`] : [], ...(tableKey ? { ownerVia: tableKey } : {}), extraRequires: [] };
    }
    case 'AlterTableStmt': {
      // ALTER TABLE parent ATTACH PARTITION p ... belongs to the partition.
      const attach = list(body, 'cmds')
        .map((c) => child(c, 'AlterTableCmd'))
        .find((c) => str(c, 'subtype') === 'AT_AttachPartition');
      const partition = qualified('rel', rangeVarParts(child(child(child(attach, 'def'), 'PartitionCmd'), 'name')));
      const relation = partition ?? qualified('rel', rangeVarParts(child(body, 'relation')));
      return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: [] };
    }
    case 'GrantStmt':
      return grantTarget(body, definedTypes);
    case 'AlterDefaultPrivilegesStmt': {
      const schemas = names(
        list(
          child(
            list(body, 'options')
              .map((o) => child(o, 'DefElem'))
              .find((d) => str(d, 'defname') === 'schemas')?.['arg'],
            'List',
          ),
          'items',
        ),
      );
      const schema = schemas[0];
      return schema === undefined ? { provides: [], extraRequires: [] } : { provides: [], owner: `schema:${schema}`, extraRequires: schemas.map((n) => `schema:${n}`) };
    }
    case 'CreateTrigStmt':
    case 'RuleStmt':
    case 'CreatePolicyStmt': {
      const relation = qualified('rel', rangeVarParts(child(body, type === 'CreatePolicyStmt' ? 'table' : 'relation')));
      const functionKey = type === 'CreateTrigStmt' ? key('fn', names(list(body, 'funcname'))) : undefined;
      return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: functionKey ? [functionKey] : [] };
    }
    case 'AlterSeqStmt': {
      const sequence = qualified('rel', rangeVarParts(child(body, 'sequence')));
      return { provides: [], ...(sequence ? { ownerVia: sequence } : {}), extraRequires: ownedByRequires(body) };
    }
    case 'CommentStmt':
      return commentTarget(body, definedTypes);
    case 'AlterFunctionStmt': {
      const identity = objectWithArgsIdentity(child(body, 'func'), definedTypes);
      return { provides: [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
    }
    case 'AlterEnumStmt':
    case 'AlterDomainStmt': {
      const typeKey = qualified('rel', names(list(body, 'typeName')));
      return { provides: [], ...(typeKey ? { ownerVia: typeKey } : {}), extraRequires: [] };
    }
    default:
      return { provides: [], extraRequires: [] };
  }
}

/** GRANT / REVOKE ... ON an object belongs to (and needs) its first object. */
function grantTarget(body: AstNode, definedTypes: ReadonlySet<string>): Analysis {
  if (str(body, 'targtype') !== 'ACL_TARGET_OBJECT') return { provides: [], extraRequires: [] };
  const first = list(body, 'objects')[0];
  const objtype = str(body, 'objtype') ?? '';
  if (objtype === 'OBJECT_SCHEMA') {
    const schemas = list(body, 'objects').map((o) => str(child(o, 'String'), 'sval')).filter((n): n is string => n !== undefined);
    return schemas.length === 0 ? { provides: [], extraRequires: [] } : { provides: [], owner: `schema:${schemas[0]}`, extraRequires: schemas.map((n) => `schema:${n}`) };
  }
  const routine = child(first, 'ObjectWithArgs');
  if (routine) {
    const identity = objectWithArgsIdentity(routine, definedTypes);
    return { provides: [], ...(identity ? { owner: identity } : {}), extraRequires: [] };
  }
  const relation = qualified('rel', rangeVarParts(child(first, 'RangeVar') ?? (isRangeVar(first) ? (first as AstNode) : undefined)));
  return { provides: [], ...(relation ? { ownerVia: relation } : {}), extraRequires: relation ? [relation] : [] };
}

function isRangeVar(node: unknown): boolean {
  return typeof node === 'object' && node !== null && typeof (node as AstNode)['relname'] === 'string';
}

/** `OWNED BY s.t.c` in CREATE/ALTER SEQUENCE needs the table. */
function ownedByRequires(body: AstNode): string[] {
  const option = list(body, 'options')
    .map((o) => child(o, 'DefElem'))
    .find((d) => str(d, 'defname') === 'owned_by');
  const parts = names(list(child(option?.['arg'], 'List'), 'items'));
  if (parts.length < 2 || (parts.length === 1 && parts[0] === 'none')) return [];
  const relation = key('rel', parts.slice(0, -1));
  return relation ? [relation] : [];
}
