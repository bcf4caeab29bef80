/**
 * The scratch database a schema model is read in on a configured server (the build environment's):
 * a fresh name (`parity_schema_model_<random>`), created, used, and always dropped, also when reading
 * fails. Ctrl-C (SIGINT) or SIGTERM while it exists stops the work, drops it and ends the process as an
 * interrupted one would (exit 130 or 143): nothing is left on the user's server.
 */
import { randomBytes } from 'node:crypto';

export const SCRATCH_PREFIX = 'parity_schema_model_';

export interface ScratchDatabase {
  readonly name: string;
  /** Aborted when the process is being interrupted: stop applying statements. */
  readonly interrupted: AbortSignal;
}

export interface ScratchHooks {
  /** Creates the database `name` (a failure is reported as it is thrown). */
  create(name: string): Promise<void>;
  /** Drops the database `name` if it exists, also while another session still works in it. */
  drop(name: string): Promise<void>;
}

export function scratchDatabaseName(): string {
  return `${SCRATCH_PREFIX}${randomBytes(6).toString('hex')}`;
}

/** Runs `fn` in a new scratch database and drops it afterwards (see the module comment). */
export async function withScratchDatabase<T>(hooks: ScratchHooks, fn: (scratch: ScratchDatabase) => Promise<T>): Promise<T> {
  const name = scratchDatabaseName();
  const controller = new AbortController();
  let creating: Promise<void> = Promise.resolve();
  const onSignal = (signal: NodeJS.Signals) => {
    controller.abort();
    // A CREATE still under way would otherwise commit after the DROP: drop once it has settled.
    void creating
      .catch(() => undefined)
      .then(() => hooks.drop(name))
      .catch(() => undefined)
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = false;
  try {
    creating = hooks.create(name);
    await creating;
    return await fn({ name, interrupted: controller.signal });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // Interrupted: the signal handler drops the database and ends the process; wait for it here, so
    // that no error about the interruption is reported in between.
    if (controller.signal.aborted) await new Promise(() => {});
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    const drop = hooks.drop(name);
    // After a failure, the failure is what the user needs to see.
    await (failed ? drop.catch(() => undefined) : drop);
  }
}
