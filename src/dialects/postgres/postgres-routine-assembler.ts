/**
 * Functions, procedures and aggregates from routines.sql rows.
 *
 * Identity: `name` is `baseName(type, type)` with the call signature's types as format_type prints
 * them (proargtypes: IN, INOUT and VARIADIC arguments). PostgreSQL does not count a procedure's OUT
 * arguments for identity (`p(IN a int, OUT b int)` and `p(IN a int, OUT b text)` cannot coexist), so
 * they are not part of the name either, although pg_get_function_identity_arguments prints them.
 * Window functions (prokind w) are functions.
 *
 * Definitions: functions and procedures use pg_get_functiondef with trailing whitespace removed.
 * Aggregates have none, so a CREATE AGGREGATE statement is built from pg_aggregate, listing only the
 * options that differ from CREATE AGGREGATE's defaults (the way pg_dump writes them).
 */
import type { Routine, RoutineArgument } from '../../model/objects.js';
import { quoteLiteral } from './postgres-quoting.js';
import { optional } from './postgres-normalizer.js';
import type { RoutineRow } from './postgres-rows.js';
import { indexOfTopLevel, splitTopLevel } from './postgres-sql-text.js';

const MODES: Readonly<Record<string, RoutineArgument['mode']>> = {
  i: 'IN',
  o: 'OUT',
  b: 'INOUT',
  v: 'VARIADIC',
  t: 'TABLE',
};

const KINDS: Readonly<Record<RoutineRow['kind'], Routine['kind']>> = {
  f: 'function',
  w: 'function',
  p: 'procedure',
  a: 'aggregate',
};

/**
 * Arguments in declaration order. Names, modes and types come from the catalog arrays; defaults
 * (which only the last `pronargdefaults` input arguments can have) from the pg_get_function_arguments
 * text, whose comma-separated parts are every argument except TABLE ones.
 */
export function routineArguments(row: RoutineRow): RoutineArgument[] {
  const firstDefault = row.nargs - row.nargdefaults;
  const parts = row.nargdefaults > 0 ? splitTopLevel(row.arguments_text) : [];
  let input = 0;
  let part = 0;
  return row.all_types.map((type, i) => {
    const code = row.modes?.[i] ?? 'i';
    const name = row.names?.[i];
    const text = code === 't' ? undefined : parts[part++];
    let defaultExpr: string | undefined;
    if (code === 'i' || code === 'b' || code === 'v') {
      if (input >= firstDefault && text !== undefined) {
        const at = indexOfTopLevel(text, ' DEFAULT ');
        if (at >= 0) defaultExpr = text.slice(at + ' DEFAULT '.length).trim();
      }
      input++;
    }
    return {
      ...optional('name', name === '' ? undefined : name),
      mode: MODES[code] ?? 'IN',
      type,
      ...optional('default', defaultExpr),
    };
  });
}

const MODIFY: Readonly<Record<string, string>> = { r: 'READ_ONLY', s: 'SHAREABLE', w: 'READ_WRITE' };

/** `CREATE AGGREGATE schema.name(args) (SFUNC = ..., STYPE = ..., ...)`, one option a line. */
export function aggregateDefinition(row: RoutineRow): string {
  const ordered = row.agg_kind === 'o' || row.agg_kind === 'h';
  const options: string[] = [];
  const add = (name: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined) options.push(`${name} = ${value}`);
  };
  add('SFUNC', row.agg_sfunc);
  add('STYPE', row.agg_stype);
  if (row.agg_sspace) add('SSPACE', String(row.agg_sspace));
  add('FINALFUNC', row.agg_finalfunc);
  if (row.agg_finalfunc_extra) options.push('FINALFUNC_EXTRA');
  const modify = row.agg_finalfunc_modify;
  if (modify && modify !== (ordered ? 'w' : 'r')) add('FINALFUNC_MODIFY', MODIFY[modify] ?? modify);
  add('COMBINEFUNC', row.agg_combinefunc);
  add('SERIALFUNC', row.agg_serialfunc);
  add('DESERIALFUNC', row.agg_deserialfunc);
  if (row.agg_initcond !== null) add('INITCOND', quoteLiteral(row.agg_initcond));
  add('MSFUNC', row.agg_msfunc);
  add('MINVFUNC', row.agg_minvfunc);
  if (row.agg_msfunc !== null) add('MSTYPE', row.agg_mstype);
  if (row.agg_msspace) add('MSSPACE', String(row.agg_msspace));
  add('MFINALFUNC', row.agg_mfinalfunc);
  if (row.agg_mfinalfunc_extra) options.push('MFINALFUNC_EXTRA');
  const mmodify = row.agg_mfinalfunc_modify;
  if (row.agg_msfunc !== null && mmodify && mmodify !== 'r') add('MFINALFUNC_MODIFY', MODIFY[mmodify] ?? mmodify);
  if (row.agg_minitcond !== null) add('MINITCOND', quoteLiteral(row.agg_minitcond));
  add('SORTOP', row.agg_sortop);
  if (row.parallel === 's') add('PARALLEL', 'SAFE');
  if (row.parallel === 'r') add('PARALLEL', 'RESTRICTED');
  if (row.agg_kind === 'h') options.push('HYPOTHETICAL');
  const args = row.nargs === 0 && !ordered ? '*' : row.arguments_text;
  return `CREATE AGGREGATE ${row.qualified_name}(${args}) (\n${options.map((o) => `    ${o}`).join(',\n')}\n)`;
}

export function routine(row: RoutineRow): Routine {
  const kind = KINDS[row.kind];
  const definition = kind === 'aggregate' ? aggregateDefinition(row) : (row.definition ?? '').trimEnd();
  return {
    kind,
    schema: row.schema,
    name: `${row.name}(${row.input_types.join(', ')})`,
    baseName: row.name,
    ...optional('comment', row.comment),
    arguments: routineArguments(row),
    ...optional('returns', kind === 'procedure' ? undefined : row.result),
    language: row.language,
    definition,
  };
}
