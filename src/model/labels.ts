import type { ObjectKind, PartKind } from './objects.js';

/** How object kinds are named to people (the "Object Type" column, JSON `objectType`). */
export const OBJECT_TYPE_LABELS: Readonly<Record<ObjectKind, string>> = {
  schema: 'Schema',
  table: 'Table',
  view: 'View',
  materializedView: 'Materialized View',
  sequence: 'Sequence',
  function: 'Function',
  procedure: 'Procedure',
  aggregate: 'Aggregate',
  enum: 'Enum',
  domain: 'Domain',
  compositeType: 'Composite Type',
  extension: 'Extension',
  synonym: 'Synonym',
  package: 'Package',
};

export const PART_LABELS: Readonly<Record<PartKind | 'property', string>> = {
  column: 'Column',
  primaryKey: 'Primary Key',
  uniqueConstraint: 'Unique Constraint',
  checkConstraint: 'Check Constraint',
  foreignKey: 'Foreign Key',
  index: 'Index',
  partition: 'Partition',
  trigger: 'Trigger',
  attribute: 'Attribute',
  value: 'Value',
  event: 'Event',
  policy: 'Policy',
  property: 'Property',
};
