/**
 * Flyway-style `+---+` tables. Written here rather than with cli-table3 because cli-table3's layout
 * is quadratic in the number of rows (17 s for an 11,000-row diff in bench/RESULTS.md); this is one
 * pass to measure the columns and one to print, and it counts characters by code point.
 */

function width(text: string): number {
  return [...text].length;
}

export function asciiTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((title, column) => rows.reduce((max, row) => Math.max(max, width(row[column] ?? '')), width(title)));
  const border = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: readonly string[]) =>
    `|${widths.map((w, column) => {
      const cell = (cells[column] ?? '').replace(/[\r\n]+/g, ' ');
      return ` ${cell}${' '.repeat(w - width(cell))} `;
    }).join('|')}|`;
  const out = [border, line(head), border];
  for (const row of rows) out.push(line(row));
  out.push(border);
  return out.join('\n');
}
