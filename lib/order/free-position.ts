import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import { keyAfterCollision } from './keys';

// How the server resolves two devices putting items at the same position of one list in the same instant. Plain
// (not a 'use server' module) so the db tests drive it through supabase-js exactly as the server actions do.

type Client = SupabaseClient<Database>;

/** An ordered list's table as the collision rule needs it: its unique (parent, position) constraint and its keys. */
export type OrderedList = {
  constraint: string;
  positions: (supabase: Client, parentId: string) => PromiseLike<{ data: { position: string }[] | null }>;
};

export const SETLIST_ITEMS: OrderedList = {
  constraint: 'setlist_items_position_key',
  positions: (supabase, setlistId) => supabase.from('setlist_items').select('position').eq('setlist_id', setlistId),
};

export const AGENDA_ITEMS: OrderedList = {
  constraint: 'practice_items_position_key',
  positions: (supabase, sessionId) => supabase.from('practice_items').select('position').eq('session_id', sessionId),
};

/** One attempt at the write; its response as supabase-js gives it (data or error). */
type Write<Response extends { error: PostgrestError | null }> = (position: string) => PromiseLike<Response>;

const MAX_COLLISIONS = 5;

/** The list's unique (parent, position) constraint refused the write: another item holds that key. */
export function positionTaken(list: OrderedList, error: PostgrestError | null): boolean {
  return error?.code === '23505' && error.message.includes(list.constraint);
}

/**
 * Runs `write` with `position`; when another item of the list already holds it, writes again with the key just
 * after it (between it and the next key in use), so both items stay where their movers put them: never a
 * duplicate, never an error for a collision. Gives up after a few rounds of fresh collisions and returns the last
 * refusal.
 */
export async function withFreePosition<Response extends { error: PostgrestError | null }>(
  supabase: Client,
  list: OrderedList,
  parentId: string,
  position: string,
  write: Write<Response>,
): Promise<Response> {
  let wanted = position;
  for (let attempt = 0; ; attempt += 1) {
    const result = await write(wanted);
    if (!positionTaken(list, result.error) || attempt === MAX_COLLISIONS) return result;
    const { data } = await list.positions(supabase, parentId);
    wanted = keyAfterCollision((data ?? []).map((row) => row.position), wanted);
  }
}
