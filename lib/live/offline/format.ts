import type { LiveChange } from '../settlement';

// A change made while the server could not be reached, as kept in the browser (IndexedDB) until it is replayed.
// Plain JSON: the op names a replay function the app registers (the same server action a save calls) and the
// payload is what that action takes, so a replay goes through the same checks (zod, RLS, version) as any save.

export const QUEUE_FORMAT = 1;

export type QueuedChange = {
  format: typeof QUEUE_FORMAT;
  /** Order of recording (IndexedDB's auto-increment key); replays go in this order. */
  seq?: number;
  /** Also the id of the change's overlay in the live store, so a replay settles exactly that overlay. */
  id: string;
  userId: string;
  bandId: string;
  table: string;
  /** rowKey of the row the change is about; undefined for a change without one. */
  key?: string;
  op: string;
  payload: unknown;
  /** What the screen shows meanwhile (the optimistic change), re-applied after a reload. */
  change: LiveChange<Record<string, unknown>> | null;
  /** "Edit “Valerie”": how the change is named in the pending list. */
  label: string;
  at: number;
  /** Set when a replay came back with a question (conflict) or a refusal: kept, shown, not replayed again. */
  problem?: { status: string; message: string; row?: Record<string, unknown> };
};

/** What a stored record turned out to be when read back: a change to replay, or one this app cannot read. */
export type ReadBack = { ok: true; change: QueuedChange } | { ok: false; seq?: number; label: string; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a stored record defensively: the queue outlives the app version that wrote it (a reload can bring new
 * code). A record this version cannot read is reported by name, never replayed blindly and never dropped.
 */
export function readQueued(raw: unknown): ReadBack {
  if (!isObject(raw)) return { ok: false, label: 'A change saved on this device', reason: 'it is not readable' };
  const seq = typeof raw.seq === 'number' ? raw.seq : undefined;
  const label = typeof raw.label === 'string' ? raw.label : 'A change saved on this device';
  if (raw.format !== QUEUE_FORMAT) {
    const newer = typeof raw.format === 'number' && raw.format > QUEUE_FORMAT;
    return { ok: false, seq, label, reason: newer ? 'a newer version of Rock-On saved it; reload to update' : 'an older version of Rock-On saved it in a format this one cannot read' };
  }
  for (const field of ['id', 'userId', 'bandId', 'table', 'op'] as const) {
    if (typeof raw[field] !== 'string') return { ok: false, seq, label, reason: `its ${field} is missing` };
  }
  return { ok: true, change: raw as unknown as QueuedChange };
}

/** "1 change waiting", "3 changes waiting". */
export function waitingLabel(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'} waiting`;
}

/**
 * The payload of a version-checked save, retried against `row` ("keep mine" after a conflict): the version and
 * the merge base become the row's, so the user's values are written over the fields both changed.
 */
export function againstRow(payload: unknown, row: Record<string, unknown>): unknown {
  if (!isObject(payload)) return payload;
  return { ...payload, version: String(row.version), base: JSON.stringify(row) };
}
