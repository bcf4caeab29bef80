/**
 * PostgreSQL DDL for sequences. Conventions: see postgres-renderer.ts.
 */
import { ParityError } from '../../errors.js';
import type { Sequence } from '../../model/objects.js';
import { commentIfPresent, commentTarget, renderSequenceOptions, splitDottedName } from './postgres-render-common.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';
import { renderPrivileges } from './postgres-render-privileges.js';

/**
 * `ALTER SEQUENCE s.seq OWNED BY s.table.column`, or `OWNED BY NONE` when `ownedBy` is absent.
 * `ownedBy` is `table.column` (in the sequence's schema) or `schema.table.column`; a part may be
 * double-quoted. Not terminated.
 */
export function renderSequenceOwnedBy(schema: string, name: string, ownedBy: string | undefined): string {
  const sequence = qualifiedName(schema, name);
  if (ownedBy === undefined) return `ALTER SEQUENCE ${sequence} OWNED BY NONE`;
  const parts = splitDottedName(ownedBy);
  const full = parts.length === 2 ? [schema, ...parts] : parts;
  if (full.length !== 3) {
    throw new ParityError('INTERNAL_ERROR', `sequence owner "${ownedBy}" is not table.column or schema.table.column`, {
      where: `sequence ${sequence}`,
    });
  }
  return `ALTER SEQUENCE ${sequence} OWNED BY ${full.map(quoteIdent).join('.')}`;
}

/**
 * `CREATE SEQUENCE s.seq` with the options present, one per indented line (as pg_dump writes them),
 * the comment, and last `ALTER SEQUENCE ... OWNED BY` as its own statement: the owning table
 * usually does not exist yet when the sequence is created (its default calls nextval). Not terminated.
 */
export function renderSequenceStatements(sequence: Sequence): string[] {
  const { schema, name } = sequence;
  const options = renderSequenceOptions(sequence, { includeDataType: true });
  return [
    `CREATE SEQUENCE ${qualifiedName(schema, name)}${options.map((o) => `\n    ${o}`).join('')}`,
    ...commentIfPresent(commentTarget.object('SEQUENCE', schema, name), sequence.comment),
    ...(sequence.ownedBy === undefined ? [] : [renderSequenceOwnedBy(schema, name, sequence.ownedBy)]),
    ...renderPrivileges(sequence),
  ];
}
