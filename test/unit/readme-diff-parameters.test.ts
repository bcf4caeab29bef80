/**
 * The README's `diff` parameter table covers every parameter of Flyway's `diff` page (the "Parameters"
 * tables of Flyway's Diff command reference), and every `-name=` it shows is one the `diff` command
 * accepts (an unknown parameter is an error, so a documented one that is not would fail here).
 */
import fs from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseArgs } from '../../src/cli/args.ts';
import { diffCommand } from '../../src/cli/diff-command.ts';

/** Flyway's diff page: required, then optional parameters ("environment parameters" last). */
const FLYWAY_DIFF_PARAMETERS = [
  'source',
  'target',
  'artifactFilename',
  'buildEnvironment',
  'buildVersion',
  'buildCherryPick',
  'rebuild',
  'snapshotSchemas',
  'includeFlywayObjects',
  'schemaModelLocation',
  'schemaModelSchemas',
  'workingDirectory',
  'environment parameters',
];

/** The rows of the table under `### \`diff\`` (up to the first blank line after it). */
function diffTableRows(): string[] {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### `diff`\n'));
  const start = section.indexOf('| parameter | meaning |');
  assert.ok(start > 0, 'the diff section has a parameter table');
  const rows: string[] = [];
  for (const line of section.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|')[1]!);
  }
  return rows;
}

test('the README diff table names every parameter of Flyway\'s diff page', () => {
  const names = diffTableRows().join(' ');
  const missing = FLYWAY_DIFF_PARAMETERS.filter((name) => !new RegExp(`(^|[\\s\`-])${name}\\b`).test(names));
  assert.equal(missing, []);
});

test('every -name= the README diff table shows is accepted by diff', async () => {
  const shown = diffTableRows().flatMap((row) => [...row.matchAll(/`-(?:diff\.)?([A-Za-z]+)=[^`]*`/g)].map((m) => m[1]!));
  assert.ok(shown.includes('snapshotSchemas'));
  for (const name of shown) {
    const parsed = await parseArgs(['diff', `-${name}=true`], [diffCommand]);
    assert.ok(parsed.values[name] !== undefined, `-${name}`);
  }
});

test.run();
