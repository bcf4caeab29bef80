/** `check`'s results: the JSON object (report file and `-outputType=json`) and the text for people. */
import type { CheckResult } from '../check/check.js';
import type { Violation } from '../check/code-rules.js';
import { asciiTable } from './ascii-table.js';
import { diffJson, diffTable, type DiffJson } from './diff-report.js';

export interface CheckJson {
  readonly environment: CheckResult['environment'];
  readonly pending: CheckResult['pending'];
  readonly changes?: DiffJson;
  readonly drift?: DiffJson & { readonly driftFound: boolean; readonly comparedWith: string };
  readonly code?: { readonly scope: string; readonly scripts: readonly string[]; readonly errors: number; readonly warnings: number; readonly violations: readonly Violation[] };
  readonly dryrun?: { readonly script: string };
}

export const countSeverity = (violations: readonly Violation[], severity: Violation['severity']) => violations.filter((v) => v.severity === severity).length;

export function checkJson(result: CheckResult): CheckJson {
  return {
    environment: result.environment,
    pending: result.pending,
    ...(result.changes ? { changes: diffJson(result.changes.artifact) } : {}),
    ...(result.drift ? { drift: { driftFound: result.drift.artifact.changes.length > 0, comparedWith: result.drift.comparedWith, ...diffJson(result.drift.artifact) } } : {}),
    ...(result.code
      ? { code: { scope: result.code.scope, scripts: result.code.scripts, errors: countSeverity(result.code.violations, 'error'), warnings: countSeverity(result.code.violations, 'warning'), violations: result.code.violations } }
      : {}),
    ...(result.dryrun ? { dryrun: result.dryrun } : {}),
  };
}

export function checkText(result: CheckResult): string {
  const blocks: string[] = [];
  const env = result.environment;
  if (env) {
    const pending = result.pending.map((p) => `  ${p.version ?? 'R'}  ${p.description}  (${p.script})`);
    blocks.push([`Environment ${env.name} (${env.database}) is at version ${env.schemaVersion ?? 'none'}; ${result.pending.length} pending migration${result.pending.length === 1 ? '' : 's'}`, ...pending].join('\n'));
  }
  if (result.changes) {
    const n = result.changes.artifact.changes.length;
    blocks.push(`Changes (what the pending migrations change): ${n} difference${n === 1 ? '' : 's'}\n${diffTable(result.changes.artifact)}`);
  }
  if (result.drift) {
    const n = result.drift.artifact.changes.length;
    const head = n === 0 ? `Drift: none (compared with ${result.drift.comparedWith})` : `Drift: ${n} difference${n === 1 ? '' : 's'} from ${result.drift.comparedWith}`;
    blocks.push(n === 0 ? head : `${head}\n${diffTable(result.drift.artifact)}`);
  }
  if (result.code) {
    const v = result.code.violations;
    const head = `Code: ${countSeverity(v, 'error')} error${countSeverity(v, 'error') === 1 ? '' : 's'}, ${countSeverity(v, 'warning')} warning${countSeverity(v, 'warning') === 1 ? '' : 's'} in ${result.code.scripts.length} script${result.code.scripts.length === 1 ? '' : 's'}`;
    blocks.push(v.length === 0 ? head : `${head}\n${asciiTable(['File', 'Line', 'Rule', 'Severity', 'Message'], v.map((x) => [x.file, String(x.line), x.rule, x.severity, x.message]))}`);
  }
  if (result.dryrun) blocks.push(`Dry run:\n${result.dryrun.script.trimEnd()}`);
  return blocks.join('\n\n');
}
