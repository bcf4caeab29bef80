/**
 * JSON Schema (draft-07) of the object model, mirroring src/model/objects.ts. Snapshots and artifacts
 * are validated against it on read (with ajv), so a hand-edited or truncated file fails with the JSON
 * path of its first problem instead of a crash later. The tests validate every introspected model
 * against it, which keeps this file and objects.ts in step.
 */
import { DIALECT_NAMES } from '../dialects/dialect-names.js';

const text = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const textList = { type: 'array', items: text } as const;
const extras = { type: 'object' } as const;

function record(required: readonly string[], properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', additionalProperties: false, required, properties };
}

const referentialAction = { enum: ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'] };

const sequenceOptions = {
  dataType: text,
  start: text,
  increment: text,
  minValue: text,
  maxValue: text,
  cache: text,
  cycle: bool,
};

const definitions: Record<string, unknown> = {
  column: record(['name', 'type', 'nullable'], {
    name: text,
    type: text,
    nullable: bool,
    default: text,
    identity: record(['generation'], {
      generation: { enum: ['always', 'by default'] },
      sequence: record([], sequenceOptions),
    }),
    generated: text,
    collation: text,
    comment: text,
    extras,
  }),
  primaryKey: record(['name', 'columns'], {
    name: text,
    columns: textList,
    include: textList,
    deferrable: bool,
    initiallyDeferred: bool,
    comment: text,
    extras,
  }),
  uniqueConstraint: record(['name', 'columns'], {
    name: text,
    columns: textList,
    include: textList,
    nullsNotDistinct: bool,
    deferrable: bool,
    initiallyDeferred: bool,
    comment: text,
    extras,
  }),
  checkConstraint: record(['name', 'expression'], { name: text, expression: text, noInherit: bool, comment: text, extras }),
  foreignKey: record(
    ['name', 'columns', 'referencedSchema', 'referencedTable', 'referencedColumns', 'onUpdate', 'onDelete'],
    {
      name: text,
      columns: textList,
      referencedSchema: text,
      referencedTable: text,
      referencedColumns: textList,
      onUpdate: referentialAction,
      onDelete: referentialAction,
      onDeleteColumns: textList,
      match: { enum: ['FULL', 'PARTIAL', 'SIMPLE'] },
      deferrable: bool,
      initiallyDeferred: bool,
      comment: text,
      extras,
    },
  ),
  index: record(['name', 'unique', 'method', 'keys'], {
    name: text,
    unique: bool,
    method: text,
    keys: textList,
    include: textList,
    where: text,
    nullsNotDistinct: bool,
    comment: text,
    extras,
  }),
  trigger: record(['name', 'timing', 'events', 'level', 'definition'], {
    name: text,
    timing: { enum: ['BEFORE', 'AFTER', 'INSTEAD OF'] },
    events: textList,
    level: { enum: ['ROW', 'STATEMENT'] },
    when: text,
    definition: text,
    enabled: bool,
    comment: text,
  }),
  tablePartition: record(['name'], { name: text, values: text, comment: text, subpartitions: textList }),
  viewColumn: record(['name', 'type'], { name: text, type: text, comment: text }),
  routineArgument: record(['mode', 'type'], {
    name: text,
    mode: { enum: ['IN', 'OUT', 'INOUT', 'VARIADIC', 'TABLE'] },
    type: text,
    default: text,
  }),
  objectRef: record(['kind', 'schema', 'name'], { kind: text, schema: text, name: text }),
  scheduledEvent: record(['name', 'schedule', 'onCompletion', 'status', 'body'], {
    name: text,
    schedule: text,
    onCompletion: { enum: ['PRESERVE', 'NOT PRESERVE'] },
    status: { enum: ['ENABLE', 'DISABLE', 'DISABLE ON SLAVE'] },
    body: text,
    comment: text,
  }),
  compositeAttribute: record(['name', 'type'], { name: text, type: text, collation: text, comment: text }),
  privilege: record(['grantee', 'privilege'], { grantee: text, privilege: text, grantable: bool }),
  defaultPrivilege: record(['role', 'objectType', 'grantee', 'privilege'], { role: text, objectType: text, grantee: text, privilege: text, grantable: bool }),
  policy: record(['name', 'command', 'permissive', 'roles'], {
    name: text,
    command: { enum: ['ALL', 'SELECT', 'INSERT', 'UPDATE', 'DELETE'] },
    permissive: bool,
    roles: textList,
    using: text,
    withCheck: text,
    comment: text,
  }),
  partitionOf: record(['schema', 'table', 'bound'], { schema: text, table: text, bound: text }),
};

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const listOf = (name: string) => ({ type: 'array', items: ref(name) });
const base = { schema: text, name: text, comment: text, extras, privileges: listOf('privilege') };

const objectSchemas: Record<string, unknown> = {
  schema: record(['kind', 'schema', 'name'], { kind: { const: 'schema' }, ...base, events: listOf('scheduledEvent'), defaultPrivileges: listOf('defaultPrivilege') }),
  table: record(
    ['kind', 'schema', 'name', 'columns', 'uniqueConstraints', 'checkConstraints', 'foreignKeys', 'indexes', 'triggers'],
    {
      kind: { const: 'table' },
      ...base,
      columns: listOf('column'),
      primaryKey: ref('primaryKey'),
      uniqueConstraints: listOf('uniqueConstraint'),
      checkConstraints: listOf('checkConstraint'),
      foreignKeys: listOf('foreignKey'),
      indexes: listOf('index'),
      triggers: listOf('trigger'),
      partitionBy: text,
      partitionOf: ref('partitionOf'),
      policies: listOf('policy'),
      subpartitionBy: text,
      partitions: listOf('tablePartition'),
    },
  ),
  view: record(['kind', 'schema', 'name', 'definition'], {
    kind: { const: 'view' },
    ...base,
    definition: text,
    columns: listOf('viewColumn'),
    checkOption: { enum: ['LOCAL', 'CASCADED'] },
    securityBarrier: bool,
    securityInvoker: bool,
    triggers: listOf('trigger'),
    dependsOn: listOf('objectRef'),
  }),
  materializedView: record(['kind', 'schema', 'name', 'definition', 'indexes'], {
    kind: { const: 'materializedView' },
    ...base,
    definition: text,
    columns: listOf('viewColumn'),
    indexes: listOf('index'),
    withData: bool,
    dependsOn: listOf('objectRef'),
  }),
  sequence: record(['kind', 'schema', 'name'], { kind: { const: 'sequence' }, ...base, ...sequenceOptions, ownedBy: text }),
  routine: record(['kind', 'schema', 'name', 'baseName', 'arguments', 'language', 'definition'], {
    kind: { enum: ['function', 'procedure', 'aggregate'] },
    ...base,
    baseName: text,
    arguments: listOf('routineArgument'),
    returns: text,
    language: text,
    definition: text,
  }),
  enum: record(['kind', 'schema', 'name', 'values'], { kind: { const: 'enum' }, ...base, values: textList }),
  domain: record(['kind', 'schema', 'name', 'baseType', 'nullable', 'checkConstraints'], {
    kind: { const: 'domain' },
    ...base,
    baseType: text,
    nullable: bool,
    default: text,
    collation: text,
    checkConstraints: listOf('checkConstraint'),
  }),
  compositeType: record(['kind', 'schema', 'name', 'attributes'], {
    kind: { const: 'compositeType' },
    ...base,
    attributes: listOf('compositeAttribute'),
  }),
  extension: record(['kind', 'schema', 'name'], { kind: { const: 'extension' }, ...base, version: text }),
  synonym: record(['kind', 'schema', 'name', 'targetName'], { kind: { const: 'synonym' }, ...base, targetSchema: text, targetName: text, dbLink: text }),
  package: record(['kind', 'schema', 'name', 'definition'], { kind: { const: 'package' }, ...base, definition: text, body: text }),
};

for (const [name, schema] of Object.entries(objectSchemas)) definitions[`${name}Kind`] = schema;

/**
 * A schema object: dispatched on `kind` with if/then so that an error points into the right branch
 * instead of listing a failure per alternative.
 */
definitions['schemaObject'] = {
  type: 'object',
  required: ['kind'],
  properties: {
    kind: {
      enum: ['schema', 'table', 'view', 'materializedView', 'sequence', 'function', 'procedure', 'aggregate', 'enum', 'domain', 'compositeType', 'extension', 'synonym', 'package'],
    },
  },
  allOf: Object.keys(objectSchemas).map((name) => {
    const kinds = name === 'routine' ? ['function', 'procedure', 'aggregate'] : [name];
    return { if: { properties: { kind: { enum: kinds } } }, then: ref(`${name}Kind`) };
  }),
};

definitions['databaseModel'] = record(['dialect', 'schemas', 'objects'], {
  dialect: { enum: [...DIALECT_NAMES] },
  schemas: textList,
  objects: listOf('schemaObject'),
});

export const MODEL_DEFINITIONS: Readonly<Record<string, unknown>> = definitions;
