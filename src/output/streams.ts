/**
 * The only place that writes output. stdout carries results; stderr messages and progress. A command
 * writes through the `Output` of its run, which wraps the streams `main` was given: the real process
 * streams from the `parity` binary, buffers in tests that run the CLI in process.
 */

/** A stream the CLI writes to: `process.stdout`/`process.stderr`, or anything with the same `write`. */
export interface TextSink {
  write(text: string): unknown;
  /** True when a person reads it in a terminal (progress and colours only then). */
  readonly isTTY?: boolean;
}

/** What `main` runs in: the two output streams and the directory relative paths start from. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** The working directory (the process's, for the binary). */
  readonly cwd: string;
}

export class Output {
  readonly #io: CliIo;
  readonly #colorAllowed: boolean;
  #progressShown = false;

  /** `colorAllowed`: false when the environment asks for none (NO_COLOR). */
  constructor(io: CliIo, colorAllowed = true) {
    this.#io = io;
    this.#colorAllowed = colorAllowed;
  }

  /** A result on stdout (a newline is added when missing). */
  result(text: string): void {
    this.#io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A message on stderr (a newline is added when missing). */
  message(text: string): void {
    this.#io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A warning on stderr, whatever the output type: `WARNING: ...` (bound: pass it as a callback). */
  readonly warning = (text: string): void => {
    this.message(`WARNING: ${text}`);
  };

  /** True when results may use colour: stdout is a terminal and NO_COLOR is not set. */
  get color(): boolean {
    return this.#colorAllowed && this.#io.stdout.isTTY === true;
  }

  /** Progress lines on stderr, only when stderr is a terminal (so pipes and CI logs stay clean). */
  progressReporter(): ((message: string) => void) | undefined {
    if (this.#io.stderr.isTTY !== true) return undefined;
    const started = Date.now();
    this.#progressShown = true;
    return (message) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      this.#io.stderr.write(`\r\x1b[2K[${seconds}s] ${message}`);
    };
  }

  /** Clears a progress line before a final message is printed. */
  endProgress(): void {
    if (this.#progressShown) this.#io.stderr.write('\r\x1b[2K');
  }
}
