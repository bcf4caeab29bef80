/** `parity diff -outputType=json` from a test: the parsed output, and a one-line-per-change summary. */
import * as assert from 'uvu/assert';
import type { CliResult } from './cli.ts';

export interface DiffJson {
  differences: Array<{
    id: string;
    differenceType: string;
    objectType: string;
    from: { schema: string; name: string; definition: string | null } | null;
    to: { schema: string; name: string; definition: string | null } | null;
  }>;
}

/** Runs `diff` through `run` (the test's CLI runner), asserts exit 0 and parses the JSON. */
export async function diffJson(run: (...args: string[]) => Promise<CliResult>, source: string, target: string, artifact = 'out/diff.artifact'): Promise<DiffJson> {
  const result = await run('diff', `-source=${source}`, `-target=${target}`, `-artifactFilename=${artifact}`, '-outputType=json');
  assert.is(result.code, 0, `diff ${source} ${target} exited ${result.code}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as DiffJson;
}

/** `Edit Table schema|name` per change, sorted. */
export function changeSummary(json: DiffJson): string[] {
  return json.differences.map((d) => `${d.differenceType} ${d.objectType} ${(d.from ?? d.to)!.schema}|${(d.from ?? d.to)!.name}`).sort();
}
