/**
 * T-SQL scripts as sqlcmd, SSMS and Flyway read them: batches separated by `GO` alone on a line
 * (optionally `GO n`, run n times), never inside a string, a quoted name or a comment (`/* ... *\/`
 * nests in T-SQL). Each batch keeps the line it starts on, for messages.
 */

export interface Batch {
  readonly text: string;
  /** 1-based line of the script where the batch starts. */
  readonly startLine: number;
  /** `GO n`: how many times the batch runs (1 without a count). */
  readonly count: number;
}

const GO_LINE = /^[ \t]*GO(?:[ \t]+(\d+))?[ \t]*(?:--.*)?$/i;

/** The script's batches, empty ones (only blanks and comments) left out. */
export function splitBatches(script: string): Batch[] {
  const lines = script.replace(/\r\n?/g, '\n').split('\n');
  const batches: Batch[] = [];
  let current: string[] = [];
  let start = 1;
  let commentDepth = 0;
  let quote: string | undefined;
  const flush = (count: number, nextStart: number) => {
    const text = current.join('\n');
    if (!isBlank(text)) {
      const leading = current.findIndex((line) => line.trim() !== '');
      batches.push({ text: current.slice(leading).join('\n').trimEnd(), startLine: start + leading, count });
    }
    current = [];
    start = nextStart;
  };
  lines.forEach((line, index) => {
    const go = commentDepth === 0 && quote === undefined ? GO_LINE.exec(line) : null;
    if (go) {
      flush(go[1] !== undefined ? Number(go[1]) : 1, index + 2);
      return;
    }
    current.push(line);
    // Track strings, quoted names and block comments across lines.
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      const next = line[i + 1];
      if (quote !== undefined) {
        if (ch === quote) {
          if (next === quote) i++;
          else quote = undefined;
        }
      } else if (commentDepth > 0) {
        if (ch === '/' && next === '*') (commentDepth++, i++);
        else if (ch === '*' && next === '/') (commentDepth--, i++);
      } else if (ch === '-' && next === '-') break;
      else if (ch === '/' && next === '*') (commentDepth++, i++);
      else if (ch === "'") quote = "'";
      else if (ch === '[') quote = ']';
      else if (ch === '"') quote = '"';
    }
  });
  flush(1, lines.length + 1);
  return batches;
}

/** Only white space and comments. */
function isBlank(text: string): boolean {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/--[^\n]*/g, '').trim() === '';
}
