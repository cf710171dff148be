import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import { keyAfterCollision } from './order';

// How the server resolves two devices putting items at the same position in the same instant. Plain (not a
// 'use server' module) so the db tests drive it through supabase-js exactly as the server actions do.

/** One attempt at the write; its response as supabase-js gives it (data or error). */
type Write<Response extends { error: PostgrestError | null }> = (position: string) => PromiseLike<Response>;

const MAX_COLLISIONS = 5;

/** The unique (setlist_id, position) constraint refused the write: another item holds that key. */
export function positionTaken(error: PostgrestError | null): boolean {
  return error?.code === '23505' && error.message.includes('setlist_items_position_key');
}

/**
 * Runs `write` with `position`; when another item already holds it, writes again with the key just after it
 * (between it and the next key in use), so both items stay where their movers put them: never a duplicate, never
 * an error for a collision. Gives up after a few rounds of fresh collisions and returns the last refusal.
 */
export async function withFreePosition<Response extends { error: PostgrestError | null }>(
  supabase: SupabaseClient<Database>,
  setlistId: string,
  position: string,
  write: Write<Response>,
): Promise<Response> {
  let wanted = position;
  for (let attempt = 0; ; attempt += 1) {
    const result = await write(wanted);
    if (!positionTaken(result.error) || attempt === MAX_COLLISIONS) return result;
    const { data } = await supabase.from('setlist_items').select('position').eq('setlist_id', setlistId);
    wanted = keyAfterCollision((data ?? []).map((row) => row.position), wanted);
  }
}
