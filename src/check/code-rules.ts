/**
 * `check -code`: rules over migration scripts. The built-in rules are found through each dialect's
 * real parser (Dialect.codeAnalysis: pgsql-parser's parse tree on PostgreSQL, the MySQL lexer), so the
 * same words in a comment or a string literal are never a violation; user rules are regular
 * expressions from TOML files in `-rulesLocation`, matched against the script with its comments and
 * string literals blanked out (same length, same lines).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ParityError } from '../errors.js';
import type { DatabaseModel } from '../model/objects.js';

export type Severity = 'error' | 'warning';

export interface Violation {
  /** The script, as messages show it (`migrations/V2__drop.sql`). */
  readonly file: string;
  /** 1-based line on which the offending statement (or, for a user rule, the match) starts. */
  readonly line: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

/** A script to analyse: its text with placeholders replaced (as it would run). */
export interface CodeScript {
  readonly shownPath: string;
  readonly text: string;
}

/** What the rules may know about the database the scripts will run on. */
export interface CodeContext {
  /** A column's type in the checked database (canonical, as its model holds it), when known. */
  columnType(schema: string | undefined, table: string, column: string): string | undefined;
}

/** What a dialect offers `check -code`. */
export interface CodeAnalysis {
  /**
   * The built-in rules' violations in `scripts`, taken in order: a table created by an earlier script
   * (or statement) is new, not an existing table, for the rules about locking existing tables.
   */
  analyze(scripts: readonly CodeScript[], context: CodeContext): Promise<Violation[]>;
  /** `text` with its comments and string literals replaced by spaces (line breaks kept): what user rules read. */
  codeOnly(text: string): Promise<string>;
}

export interface RuleDescription {
  readonly severity: Severity;
  readonly description: string;
}

/** The built-in rules (README "Checks before deploying" lists them), by id. */
export const BUILT_IN_RULES = {
  'drop-table': { severity: 'error', description: 'DROP TABLE: the table and its rows are gone' },
  'drop-schema': { severity: 'error', description: 'DROP SCHEMA (MySQL: DROP DATABASE): everything in it is gone' },
  'drop-column': { severity: 'error', description: 'ALTER TABLE ... DROP COLUMN: the column and its values are gone' },
  truncate: { severity: 'error', description: 'TRUNCATE: every row is gone' },
  'delete-without-where': { severity: 'error', description: 'DELETE without WHERE: every row is gone' },
  'update-without-where': { severity: 'error', description: 'UPDATE without WHERE: every row changes' },
  'narrowing-type-change': { severity: 'error', description: 'a column changed to a type that cannot hold every value of its current type' },
  'index-without-concurrently': { severity: 'warning', description: 'PostgreSQL: CREATE INDEX without CONCURRENTLY on an existing table blocks writes while it builds' },
  'constraint-without-not-valid': { severity: 'warning', description: 'PostgreSQL: ADD FOREIGN KEY or CHECK without NOT VALID on an existing table scans it under a lock' },
  'set-not-null': { severity: 'warning', description: 'PostgreSQL: SET NOT NULL on an existing table scans it under an ACCESS EXCLUSIVE lock' },
  'type-change-rewrite': { severity: 'warning', description: 'PostgreSQL: a column type change that rewrites the table under an ACCESS EXCLUSIVE lock' },
  'volatile-default': { severity: 'warning', description: 'PostgreSQL: ADD COLUMN with a volatile default (random(), gen_random_uuid(), ...) rewrites the table' },
  'alter-without-algorithm': { severity: 'warning', description: 'MySQL: ALTER TABLE or CREATE INDEX on an existing table without ALGORITHM=INPLACE or INSTANT may copy the table and block writes' },
} as const satisfies Readonly<Record<string, RuleDescription>>;

export type BuiltInRule = keyof typeof BUILT_IN_RULES;

/** A violation of a built-in rule. */
export function builtIn(rule: BuiltInRule, file: string, line: number, message: string): Violation {
  return { file, line, rule, severity: BUILT_IN_RULES[rule].severity, message };
}

/** `CodeContext` over a database model (the checked database as read); no model: nothing known. */
export function codeContextOf(model: DatabaseModel | undefined): CodeContext {
  return {
    columnType(schema, table, column) {
      const tables = (model?.objects ?? []).filter((o) => o.kind === 'table' && o.name === table && (schema === undefined || o.schema === schema || o.schema === ''));
      const [only] = tables;
      if (tables.length !== 1 || only?.kind !== 'table') return undefined;
      return only.columns.find((c) => c.name === column)?.type;
    },
  };
}

/** A user rule of a `-rulesLocation` file. */
export interface UserRule {
  readonly id: string;
  readonly description: string;
  readonly regex: RegExp;
  readonly severity: Severity;
  /** Where it is defined (`rules/team.toml`). */
  readonly definedIn: string;
}

function ruleError(file: string, message: string): ParityError {
  return new ParityError('CONFIG_ERROR', message, { where: file });
}

/**
 * The rules of every `.toml` file in `folder` (sorted by name): `[[rules]]` tables with `id`,
 * `description`, `regex` (JavaScript syntax, matched case-insensitively and across lines) and
 * `severity` (`error` or `warning`, default `error`).
 */
export function readUserRules(folder: string, shownFolder: string): UserRule[] {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (stat === undefined) throw new ParityError('FILE_NOT_FOUND', `rules folder ${shownFolder} not found`, { where: '-rulesLocation' });
  if (!stat.isDirectory()) throw new ParityError('INVALID_ARGUMENT', `rules location ${shownFolder} is a file, not a folder`, { where: '-rulesLocation' });
  const rules: UserRule[] = [];
  const seen = new Map<string, string>();
  for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.toml')).sort()) {
    const file = path.join(shownFolder, name);
    let document: Record<string, unknown>;
    try {
      document = parseToml(fs.readFileSync(path.join(folder, name), 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw ruleError(file, `malformed rules file: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    const entries = document['rules'];
    if (!Array.isArray(entries)) throw ruleError(file, 'a rules file holds [[rules]] tables (id, description, regex, severity)');
    entries.forEach((entry: unknown, index) => {
      const at = `rules[${index}]`;
      const table = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      const text = (key: string) => (typeof table[key] === 'string' ? (table[key] as string) : undefined);
      const id = text('id');
      const regex = text('regex');
      const severity = text('severity') ?? 'error';
      if (id === undefined || id.trim() === '') throw ruleError(file, `${at} has no id`);
      if (regex === undefined || regex === '') throw ruleError(file, `${at} (${id}) has no regex`);
      if (severity !== 'error' && severity !== 'warning') throw ruleError(file, `${at} (${id}): severity must be error or warning, not "${severity}"`);
      if (id in BUILT_IN_RULES || seen.has(id)) throw ruleError(file, `${at}: rule id "${id}" is already ${seen.has(id) ? `defined in ${seen.get(id)}` : 'a built-in rule'}`);
      let compiled: RegExp;
      try {
        compiled = new RegExp(regex, 'gim');
      } catch (error) {
        throw ruleError(file, `${at} (${id}): invalid regex: ${error instanceof Error ? error.message : String(error)}`);
      }
      seen.set(id, file);
      rules.push({ id, description: text('description') ?? id, regex: compiled, severity, definedIn: file });
    });
  }
  return rules;
}

/** Violations of user rules in one script (`code`: its text with comments and strings blanked out). */
export function userRuleViolations(rules: readonly UserRule[], file: string, code: string): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    rule.regex.lastIndex = 0;
    for (const match of code.matchAll(rule.regex)) {
      if (match[0] === '') continue;
      const line = 1 + (code.slice(0, match.index).match(/\n/g)?.length ?? 0);
      violations.push({ file, line, rule: rule.id, severity: rule.severity, message: rule.description });
    }
  }
  return violations;
}

/** Violations in file order, then line, then rule. */
export function sortViolations(violations: readonly Violation[], fileOrder: readonly string[]): Violation[] {
  const rank = new Map(fileOrder.map((f, i) => [f, i]));
  return [...violations].sort((a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) || a.line - b.line || a.rule.localeCompare(b.rule));
}
