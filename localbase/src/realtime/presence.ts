import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';

/**
 * Phoenix.Presence state per server topic: one meta per channel, keyed by the channel's presence
 * key; diffs go to every presence-enabled subscriber of the topic, the tracker included.
 */

export type Meta = Record<string, unknown> & { phx_ref: string; phx_ref_prev?: string };
export type PresenceState = Record<string, { metas: Meta[] }>;
export interface PresenceDiff {
  joins: PresenceState;
  leaves: PresenceState;
}

interface Entry {
  key: string;
  payload: Record<string, unknown>;
  meta: Meta;
}

export function phxRef(): string {
  return randomBytes(12).toString('base64url');
}

export class PresenceTopic {
  private readonly entries = new Map<object, Entry>();

  get size(): number {
    return this.entries.size;
  }

  state(): PresenceState {
    const state: PresenceState = {};
    for (const { key, meta } of this.entries.values()) (state[key] ??= { metas: [] }).metas.push(meta);
    return state;
  }

  /** Returns the diff to fan out, or undefined when the payload is unchanged (a no-op upstream too). */
  track(owner: object, key: string, payload: Record<string, unknown>): PresenceDiff | undefined {
    const previous = this.entries.get(owner);
    if (previous && previous.key === key && isDeepStrictEqual(previous.payload, payload)) return undefined;
    const meta: Meta = { ...payload, phx_ref: phxRef() };
    const diff: PresenceDiff = { joins: {}, leaves: {} };
    if (previous) {
      // `Presence.update`: the old meta leaves, the new one joins carrying `phx_ref_prev`.
      if (previous.key === key) meta.phx_ref_prev = previous.meta.phx_ref;
      diff.leaves[previous.key] = { metas: [previous.meta] };
    }
    diff.joins[key] = { metas: [meta] };
    this.entries.set(owner, { key, payload, meta });
    return diff;
  }

  untrack(owner: object): PresenceDiff | undefined {
    const previous = this.entries.get(owner);
    if (!previous) return undefined;
    this.entries.delete(owner);
    return { joins: {}, leaves: { [previous.key]: { metas: [previous.meta] } } };
  }
}
