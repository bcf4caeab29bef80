/**
 * Stable change IDs: derived only from an object's identity (dialect, object type, schema, name and,
 * for a part of an object, its parent), hashed with SHA-1 and written as 27 URL-safe base64
 * characters. Same object, same ID, on every run and every machine.
 */
import { createHash } from 'node:crypto';
import type { DialectName } from './objects.js';

export interface ObjectIdentity {
  readonly dialect: DialectName;
  readonly objectType: string;
  readonly schema: string;
  readonly name: string;
  readonly parent?: string;
}

export function changeId(identity: ObjectIdentity): string {
  const key = JSON.stringify([identity.dialect, identity.objectType, identity.schema, identity.name, identity.parent ?? null]);
  return createHash('sha1').update(key, 'utf8').digest('base64url');
}
