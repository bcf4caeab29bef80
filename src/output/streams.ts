/** The only place that writes to stdout and stderr. stdout carries results; stderr messages and progress. */

export function writeResult(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeMessage(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A warning on stderr, whatever the output type: `WARNING: ...`. */
export function writeWarning(text: string): void {
  writeMessage(`WARNING: ${text}`);
}

/** Progress lines on stderr, only when stderr is a terminal (so pipes and CI logs stay clean). */
export function progressReporter(enabled = process.stderr.isTTY === true): ((message: string) => void) | undefined {
  if (!enabled) return undefined;
  const started = Date.now();
  return (message) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`\r\x1b[2K[${seconds}s] ${message}`);
  };
}

/** Clears a progress line before a final message is printed. */
export function endProgress(): void {
  if (process.stderr.isTTY === true) process.stderr.write('\r\x1b[2K');
}
