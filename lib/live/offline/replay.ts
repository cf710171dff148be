import type { QueuedChange } from './format';

// Replays queued changes in the order they were made, one at a time. Pure of storage and React, so the rules
// (order, stop when unreachable, keep problems) are unit-tested; the provider wires it to IndexedDB and stores.

export type ReplayResult = { status: string; message?: string; row?: Record<string, unknown> } & Record<string, unknown>;
export type Replays = Readonly<Record<string, (payload: unknown) => Promise<ReplayResult>>>;

export type ReplayHooks = {
  /** The answer came: the change leaves the queue (or stays with its problem); settle the screen by it. */
  answered: (change: QueuedChange, result: ReplayResult, problem: QueuedChange['problem']) => Promise<void>;
};

/** Outcomes that need the user: a conflict asks, a refusal explains. The rest (saved, gone) just settle. */
export function problemOf(result: ReplayResult): QueuedChange['problem'] {
  if (result.status === 'saved' || result.status === 'gone') return undefined;
  const errors = result.errors as Record<string, string> | undefined;
  const message = result.message ?? errors?.form ?? Object.values(errors ?? {})[0] ?? 'The server refused this change.';
  return { status: result.status, message, row: result.row };
}

/**
 * Replays `changes` (already in order) that have no problem yet. Stops at the first that cannot reach the
 * server (the action throws): it and everything after it stay queued, in order, for the next attempt.
 * Returns how many were answered and whether the server was unreachable.
 */
export async function replayInOrder(changes: ReadonlyArray<QueuedChange>, replays: Replays, hooks: ReplayHooks) {
  let answered = 0;
  for (const change of changes) {
    if (change.problem) continue;
    const replay = replays[change.op];
    let result: ReplayResult;
    if (!replay) result = { status: 'invalid', message: `This version of Rock-On cannot replay “${change.op}”.` };
    else {
      try {
        result = await replay(change.payload);
      } catch {
        return { answered, unreachable: true };
      }
    }
    await hooks.answered(change, result, problemOf(result));
    answered += 1;
  }
  return { answered, unreachable: false };
}
