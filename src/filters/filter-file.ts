/**
 * Filter files: JSON (comments allowed, as in Flyway's), validated with a JSON schema, in one of two
 * forms:
 *
 *   parity's:   { "include": [{"objectType": "Table", "schema": "sales", "name": "order*"}],
 *                 "exclude": [{"name": "tmp_*"}] }
 *   Flyway's (Redgate Compare's `.rgf`, object rules only):
 *               { "version": "1.1", "postFilters": [{"filterBy": "objectType", "filterValue": "view", "effect": "exclude"}] }
 *
 * Every failure is one line naming the file and, for its content, the JSON path: a malformed file is
 * CONFIG_ERROR (exit 3), a missing one FILE_NOT_FOUND (exit 6).
 */
import path from 'node:path';
import { compileDocumentSchema, readValidatedJson } from '../artifact/json-file.js';
import { ParityError } from '../errors.js';
import { globMatches } from './glob.js';
import { FILTER_OBJECT_TYPES, type FilterRule, type ObjectFilter } from './object-filter.js';

interface ParityFilterFile {
  readonly include?: readonly Omit<FilterRule, 'effect'>[];
  readonly exclude?: readonly Omit<FilterRule, 'effect'>[];
}

interface RedgatePostFilter {
  readonly filterBy: 'any' | 'objectType' | 'name' | 'propertyValue';
  readonly filterValue?: string;
  readonly effect: 'include' | 'exclude';
  readonly filterTarget?: 'object' | 'property' | 'objectType';
  readonly filterProperty?: string;
}

interface RedgateFilterFile {
  readonly version?: string;
  readonly postFilters: readonly RedgatePostFilter[];
}

const pattern = { type: 'string', minLength: 1 } as const;
const rule = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { objectType: pattern, schema: pattern, name: pattern },
};

const validateFilterFile = compileDocumentSchema({
  type: 'object',
  if: { properties: { postFilters: true }, required: ['postFilters'] },
  then: {
    type: 'object',
    additionalProperties: false,
    properties: {
      version: { type: 'string' },
      postFilters: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['filterBy', 'effect'],
          properties: {
            filterBy: { enum: ['any', 'objectType', 'name', 'propertyValue'] },
            filterValue: { type: 'string' },
            effect: { enum: ['include', 'exclude'] },
            filterTarget: { enum: ['object', 'property', 'objectType'] },
            filterProperty: { type: 'string' },
          },
        },
      },
    },
  },
  else: {
    type: 'object',
    additionalProperties: false,
    properties: { include: { type: 'array', items: rule }, exclude: { type: 'array', items: rule } },
  },
});

/** `Materialized View`, `materialized_view`, `materializedview` alike. */
const folded = (text: string) => text.toLowerCase().replace(/[\s_-]/g, '');

/** Flyway's object type words that are not parity's type names. */
const REDGATE_TYPES: Readonly<Record<string, string>> = { storedprocedure: 'Procedure', type: 'Composite Type' };

function invalid(file: string, message: string, at: string): ParityError {
  return new ParityError('CONFIG_ERROR', `invalid filter: ${message} at ${at}`, { where: file });
}

/** A rule's objectType must name (or, as a glob, match) one of the types `diff` prints. */
function checkObjectType(file: string, objectType: string | undefined, at: string): void {
  if (objectType === undefined || FILTER_OBJECT_TYPES.some((type) => globMatches(objectType, type, true))) return;
  throw invalid(file, `unknown objectType "${objectType}" (object types: ${FILTER_OBJECT_TYPES.join(', ')})`, at);
}

function fromParity(file: string, document: ParityFilterFile): ObjectFilter {
  const rules: FilterRule[] = [];
  for (const effect of ['include', 'exclude'] as const) {
    (document[effect] ?? []).forEach((entry, index) => {
      checkObjectType(file, entry.objectType, `$.${effect}[${index}].objectType`);
      rules.push({ effect, ...entry });
    });
  }
  return { file, keepUnmatched: (document.include ?? []).length === 0, rules };
}

function fromRedgate(file: string, document: RedgateFilterFile): ObjectFilter {
  const rules = document.postFilters.map((entry, index): FilterRule => {
    const at = `$.postFilters[${index}]`;
    if ((entry.filterTarget !== undefined && entry.filterTarget !== 'object') || entry.filterBy === 'name' || entry.filterBy === 'propertyValue') {
      throw invalid(file, 'property filters are not supported (leave properties out of the comparison with -ignore)', at);
    }
    if (entry.filterBy === 'any') return { effect: entry.effect };
    if (entry.filterValue === undefined) throw invalid(file, 'filterBy "objectType" needs a filterValue', at);
    const type = REDGATE_TYPES[folded(entry.filterValue)] ?? FILTER_OBJECT_TYPES.find((t) => folded(t) === folded(entry.filterValue!));
    if (type === undefined) throw invalid(file, `unknown object type "${entry.filterValue}" (object types: ${FILTER_OBJECT_TYPES.join(', ')})`, `${at}.filterValue`);
    return { effect: entry.effect, objectType: type };
  });
  return { file, keepUnmatched: true, rules };
}

/** Reads and checks a filter file (`file` relative to `workingDirectory`). */
export function readFilterFile(file: string, workingDirectory: string): ObjectFilter {
  const absolute = path.resolve(workingDirectory, file);
  const document = readValidatedJson<ParityFilterFile | RedgateFilterFile>(absolute, validateFilterFile, 'filter', 'CONFIG_ERROR', { comments: true });
  return 'postFilters' in document ? fromRedgate(absolute, document) : fromParity(absolute, document);
}
