/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP: what runs before parity ends. A module that would leave
 * something behind if the process just died (a temporary file, a throwaway server, a scratch database)
 * registers a cleanup with `onInterrupt` for as long as that thing exists. On the first signal every
 * registered cleanup runs (together, for at most CLEANUP_TIMEOUT_MS), then the process exits as an
 * interrupted one does: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM). A second signal
 * while cleaning up ends it at once.
 *
 * The listeners are installed with the first registration and stay: a signal that arrives during a
 * synchronous write is handled once the write has finished (a file is never cut in half), and one that
 * arrives with nothing registered ends the process at once, as without them (unless another listener
 * of the process, such as a test harness's, handles it).
 */
import os from 'node:os';

export type Cleanup = (signal: NodeJS.Signals) => void | Promise<void>;

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How long the cleanups may take before the process exits anyway. */
const CLEANUP_TIMEOUT_MS = 20_000;

const cleanups = new Set<Cleanup>();
let installed = false;
let interruptedBy: NodeJS.Signals | undefined;

/** The exit code of a process ended by `signal`: 128 + its number. */
export function interruptedExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 2);
}

/** The signal being handled, once one has arrived (work under way should stop, not report an error). */
export function interruption(): NodeJS.Signals | undefined {
  return interruptedBy;
}

/** A promise that never settles: where interrupted work waits for the process to end instead of reporting a failure. */
export function untilExit(): Promise<never> {
  return new Promise<never>(() => {});
}

function runCleanups(signal: NodeJS.Signals): void {
  const pending = [...cleanups].map(async (cleanup) => {
    try {
      await cleanup(signal);
    } catch {
      /* best effort: the others still run */
    }
  });
  const timer = setTimeout(() => process.exit(interruptedExitCode(signal)), CLEANUP_TIMEOUT_MS);
  void Promise.all(pending).then(() => {
    clearTimeout(timer);
    process.exit(interruptedExitCode(signal));
  });
}

function onSignal(signal: NodeJS.Signals): void {
  if (interruptedBy !== undefined) process.exit(interruptedExitCode(signal));
  if (cleanups.size === 0) {
    // Nothing of ours to clean up: another listener (a test harness) decides, else end as without us.
    if (process.listenerCount(signal) === 1) process.exit(interruptedExitCode(signal));
    return;
  }
  interruptedBy = signal;
  runCleanups(signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/**
 * Runs `cleanup` if the process is interrupted before the returned function is called (which
 * unregisters it). Register before creating what it cleans up.
 */
export function onInterrupt(cleanup: Cleanup): () => void {
  install();
  // A function may be registered twice (two temporary files): each registration is its own entry.
  const entry: Cleanup = (signal) => cleanup(signal);
  cleanups.add(entry);
  return () => {
    cleanups.delete(entry);
  };
}
