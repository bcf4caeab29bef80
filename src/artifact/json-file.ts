/**
 * Reading and writing parity's JSON files (snapshots, artifacts): stable output (sorted keys; written
 * atomically by src/files.ts), and validation on read with ajv that reports the JSON path of the first
 * problem. ajv and json-stable-stringify (~70 and ~35 ms to import) are required on first use, not when
 * parity starts: most runs never read a snapshot or artifact, and a table dataDiff writes no JSON.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type StableStringify from 'json-stable-stringify';
import { ParityError, type ErrorCode } from '../errors.js';
import { MODEL_DEFINITIONS } from '../model/model-schema.js';

const require = createRequire(import.meta.url);

/** Stable JSON: sorted keys, two-space indent, trailing newline. */
export function stableJson(value: unknown): string {
  const stableStringify = require('json-stable-stringify') as typeof StableStringify;
  return `${stableStringify(value, { space: 2 }) ?? 'null'}\n`;
}

let ajv: Ajv | undefined;

/**
 * A validator for a document schema that may refer to model definitions as
 * `parity-model#/definitions/x`. Compiled on first use: compiling costs more than all of the CLI's
 * start-up, and most commands never read a snapshot or artifact.
 */
export function compileDocumentSchema(schema: Record<string, unknown>): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => {
    if (!ajv) {
      const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
      ajv = new AjvClass({ allErrors: false, strict: true, allowUnionTypes: true });
      ajv.addSchema({ $id: 'parity-model', definitions: MODEL_DEFINITIONS });
    }
    compiled ??= ajv.compile(schema);
    return compiled;
  };
}

/** `$.objects[3].columns[0].type` from ajv's `/objects/3/columns/0/type`. */
export function jsonPath(error: ErrorObject): string {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  let out = '$';
  for (const segment of segments) out += /^\d+$/.test(segment) ? `[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    if (extra !== undefined) out += `.${extra}`;
  }
  return out;
}

function describeError(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'unexpected property';
  if (error.keyword === 'required') return `missing property "${(error.params as { missingProperty: string }).missingProperty}"`;
  if (error.keyword === 'enum') return `${error.message ?? 'invalid value'}: ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  return error.message ?? 'invalid value';
}

/**
 * JSON with `//` and `/* *\/` comments (JSONC, as Flyway's filter files allow) as plain JSON: every
 * comment outside a string becomes spaces, so positions in parse errors stay right.
 */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const close = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : text[i + 1] === '/' ? close : close + 2;
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * Reads and validates a JSON document; every failure names the file and, for content, the JSON path.
 * `comments`: the file may hold JSONC comments.
 */
export function readValidatedJson<T>(file: string, validator: () => ValidateFunction, what: string, code: ErrorCode, options: { readonly comments?: boolean } = {}): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ParityError(missing ? 'FILE_NOT_FOUND' : code, missing ? `${what} file not found` : `cannot read ${what} file`, { where: file, cause: error });
  }
  return parseValidatedJson<T>(text, file, validator, what, code, options);
}

/** `readValidatedJson` of a text read elsewhere (`where`: what messages name instead of a file). */
export function parseValidatedJson<T>(text: string, where: string, validator: () => ValidateFunction, what: string, code: ErrorCode, options: { readonly comments?: boolean } = {}): T {
  const file = where;
  let document: unknown;
  try {
    document = JSON.parse(options.comments === true ? stripJsonComments(text) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ParityError(code, `${what} is not valid JSON: ${detail}`, { where: file, cause: error });
  }
  const validate = validator();
  if (!validate(document)) {
    const first = validate.errors?.[0];
    const detail = first ? `${describeError(first)} at ${jsonPath(first)}` : 'does not match the expected format';
    throw new ParityError(code, `invalid ${what}: ${detail}`, { where: file });
  }
  return document as T;
}

/**
 * The first item whose key an earlier item already has, as an error naming both JSON paths: a
 * snapshot holding one object twice, or an artifact holding one change twice, is malformed (which of
 * the two would count?).
 */
export function rejectDuplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  describe: (item: T) => string,
  at: { readonly path: string; readonly what: string; readonly code: ErrorCode; readonly file: string },
): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const k = key(item);
    const earlier = first.get(k);
    if (earlier !== undefined) {
      throw new ParityError(at.code, `invalid ${at.what}: ${describe(item)} appears twice, at ${at.path}[${earlier}] and ${at.path}[${index}]`, { where: at.file });
    }
    first.set(k, index);
  });
}
