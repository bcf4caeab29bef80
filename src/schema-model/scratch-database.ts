/**
 * The scratch database a schema model is read in on a configured server (the build environment's):
 * a fresh name (`parity_schema_model_<random>`), created, used, and always dropped, also when reading
 * fails. Ctrl-C (SIGINT) or SIGTERM while it exists stops the work, drops it and ends the process as an
 * interrupted one would (exit 130 or 143, src/interrupt.ts): nothing is left on the user's server.
 */
import { randomBytes } from 'node:crypto';
import { onInterrupt, untilExit } from '../interrupt.js';

export const SCRATCH_PREFIX = 'parity_schema_model_';

/** Drops tried when interrupted (see withScratchDatabase). */
const DROP_ATTEMPTS = 5;

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
  // Interrupted: stop the work, and drop the database once a CREATE still under way has settled
  // (it would otherwise commit after the DROP); src/interrupt.ts then ends the process.
  const unregister = onInterrupt(async () => {
    controller.abort();
    await creating.catch(() => undefined);
    // The work may open a session in the database between the drop ending sessions and its DROP
    // (found under load): try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await hooks.drop(name);
        return;
      } catch (error) {
        if (attempt >= DROP_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
  let failed = false;
  try {
    creating = hooks.create(name);
    await creating;
    return await fn({ name, interrupted: controller.signal });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // Interrupted: the cleanup above drops the database and the process ends; wait for it here, so
    // that no error about the interruption is reported in between.
    if (controller.signal.aborted) await untilExit();
    unregister();
    const drop = hooks.drop(name);
    // After a failure, the failure is what the user needs to see.
    await (failed ? drop.catch(() => undefined) : drop);
  }
}
