/**
 * Round-trip case files: `-- expect:` lines, then `-- source` and `-- target` sections of SQL.
 *   -- expect: Edit Table app.orders; Add View app.v
 *   -- source
 *   CREATE TABLE ...;
 *   -- target
 *   CREATE TABLE ...;
 * Entries are `<Add|Edit|Delete> <Object Type> <name>`, checked against the object types given.
 */
export interface RoundtripCase {
  readonly file: string;
  readonly n: number;
  /** Sorted. */
  readonly expect: readonly string[];
  readonly source: string;
  readonly target: string;
}

export function parseRoundtripCase(text: string, file: string, n: number, objectTypes: readonly string[]): RoundtripCase {
  const expect: string[] = [];
  const sections: Record<'source' | 'target', string[]> = { source: [], target: [] };
  let current: 'source' | 'target' | undefined;
  for (const line of text.split('\n')) {
    const expectLine = /^--\s*expect:(.*)$/.exec(line);
    if (expectLine) {
      expect.push(...expectLine[1]!.split(';').map((e) => e.trim()).filter(Boolean));
      continue;
    }
    const marker = /^--\s*(source|target)\s*$/.exec(line);
    if (marker) {
      current = marker[1] as 'source' | 'target';
      continue;
    }
    if (current) sections[current].push(line);
  }
  const pattern = new RegExp(`^(Add|Edit|Delete) (${objectTypes.join('|')}) (\\S.*)$`);
  for (const entry of expect) if (!pattern.test(entry)) throw new Error(`${file}: malformed expectation "${entry}"`);
  if (expect.length === 0) throw new Error(`${file}: no -- expect: line`);
  return { file, n, expect: expect.sort(), source: sections.source.join('\n'), target: sections.target.join('\n') };
}
