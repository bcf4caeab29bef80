/**
 * Unified text diffs of object DDL (the `diffText` command). "Before" is the target (what the
 * database has now), "after" is the source (what it should become), matching what `generate` does.
 */
import { createTwoFilesPatch } from 'diff';
import { styleText } from 'node:util';
import type { ArtifactChange } from '../artifact/artifact.js';
import { OBJECT_TYPE_LABELS } from '../model/labels.js';
import { shownName } from '../model/unqualify.js';

export interface ChangeTextDiff {
  readonly id: string;
  readonly differenceType: string;
  readonly objectType: string;
  readonly schema: string;
  readonly name: string;
  /** The unified diff, target (before) to source (after). */
  readonly diff: string;
}

export function changeTextDiff(change: ArtifactChange, labels: { source: string; target: string }): ChangeTextDiff {
  const objectType = OBJECT_TYPE_LABELS[change.objectKind];
  const title = `${objectType} ${shownName(change.schema, change.name)}`;
  const patch = createTwoFilesPatch(
    `${labels.target}: ${title}`,
    `${labels.source}: ${title}`,
    change.targetDefinition ?? '',
    change.sourceDefinition ?? '',
    undefined,
    undefined,
    { context: 3 },
  );
  // Drop the leading `Index:`/`===` lines the library adds; keep ---/+++ and the hunks.
  const diff = patch
    .split('\n')
    .filter((line, index) => !(index < 2 && (line.startsWith('Index:') || line.startsWith('==='))))
    .join('\n');
  return { id: change.id, differenceType: change.differenceType, objectType, schema: change.schema, name: change.name, diff };
}

/** People's form: a header line per change, then its diff; colours only on a terminal without NO_COLOR. */
export function renderTextDiffs(diffs: readonly ChangeTextDiff[], colour: boolean): string {
  if (diffs.length === 0) return 'No differences found.';
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (colour ? styleText(format, text) : text);
  const blocks = diffs.map((d) => {
    const header = paint('bold', `${d.id} ${d.differenceType} ${d.objectType} ${shownName(d.schema, d.name)}`);
    const body = d.diff
      .split('\n')
      .map((line) => {
        if (line.startsWith('+++') || line.startsWith('---')) return paint('bold', line);
        if (line.startsWith('+')) return paint('green', line);
        if (line.startsWith('-')) return paint('red', line);
        if (line.startsWith('@@')) return paint('cyan', line);
        return line;
      })
      .join('\n');
    return `${header}\n${body}`.trimEnd();
  });
  return blocks.join('\n\n');
}
