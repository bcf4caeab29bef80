/**
 * Flyway-style `+---+` tables. Written here rather than with cli-table3 because cli-table3's layout
 * is quadratic in the number of rows (17 s for an 11,000-row diff in bench/RESULTS.md); this is one
 * pass to measure the columns and one to print. Cells are measured in terminal columns (`displayWidth`),
 * so borders stay aligned with CJK names, emoji and combining accents.
 */

/** Characters that take no column: combining marks, format characters (zero-width joiner), controls. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
/** Emoji shown as pictures take two columns. */
const WIDE_EMOJI = /^\p{Emoji_Presentation}$/u;

/** East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, W and F), which take two columns. */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f200, 0x1f2ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  return WIDE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** The columns `text` takes in a terminal: 2 for wide characters, 0 for combining ones, else 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x300) width += codePoint < 0x20 || codePoint === 0x7f ? 0 : 1;
    else if (ZERO_WIDTH.test(char)) continue;
    else width += isWide(codePoint) || WIDE_EMOJI.test(char) ? 2 : 1;
  }
  return width;
}

/** A cell on one line: line breaks become spaces (a table row is one line). */
function oneLine(cell: string): string {
  return cell.replace(/[\r\n]+/g, ' ');
}

export function asciiTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((title, column) => rows.reduce((max, row) => Math.max(max, displayWidth(oneLine(row[column] ?? ''))), displayWidth(oneLine(title))));
  const border = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: readonly string[]) =>
    `|${widths.map((w, column) => {
      const cell = oneLine(cells[column] ?? '');
      return ` ${cell}${' '.repeat(w - displayWidth(cell))} `;
    }).join('|')}|`;
  const out = [border, line(head), border];
  for (const row of rows) out.push(line(row));
  out.push(border);
  return out.join('\n');
}
