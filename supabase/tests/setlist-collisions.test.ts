import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SETLIST_ITEMS, withFreePosition } from '@/lib/order/free-position';
import { isOrderKey } from '@/lib/order/keys';
import { band, signUp, sql, type User } from './support';

// The server actions' collision rule (lib/order/free-position.ts), driven through supabase-js as the band's
// members against the real unique constraint: two devices that pick the same position both keep their item.

const stack = inject('stack');
let alice: User, bob: User;
let bandId: string;

beforeAll(async () => {
  [alice, bob] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob')]);
  bandId = await band(stack, alice, [[bob, 'member']]);
});

async function newSetlist(): Promise<string> {
  const { data, error } = await alice.client.from('setlists').insert({ band_id: bandId, name: 'Collisions' }).select('id').single();
  if (error) throw error;
  return data.id;
}

/** Adds a break at `position` the way the addItem action does, resolving a taken position. */
function add(user: User, setlistId: string, position: string) {
  return withFreePosition(user.client, SETLIST_ITEMS, setlistId, position, (free) =>
    user.client.from('setlist_items').insert({ band_id: bandId, setlist_id: setlistId, kind: 'break' as const, position: free }).select('*').single(),
  );
}

async function positions(setlistId: string): Promise<string[]> {
  const rows = await sql<{ position: string }>(stack, 'select position from public.setlist_items where setlist_id = $1 order by position', [setlistId]);
  return rows.map((row) => row.position);
}

describe('position collisions', () => {
  it('a taken position on insert becomes the key just after it, before the next one', async () => {
    const setlistId = await newSetlist();
    await add(alice, setlistId, 'a0');
    await add(alice, setlistId, 'a1');
    const { data, error } = await add(bob, setlistId, 'a0');
    expect(error).toBeNull();
    expect(data!.position > 'a0' && data!.position < 'a1').toBe(true);
    expect(isOrderKey(data!.position)).toBe(true);
    expect(await positions(setlistId)).toEqual(['a0', data!.position, 'a1']);
  });

  it('two members adding at the same key at the same moment both succeed with distinct keys', async () => {
    const setlistId = await newSetlist();
    const results = await Promise.all([add(alice, setlistId, 'a0'), add(bob, setlistId, 'a0'), add(alice, setlistId, 'a0')]);
    expect(results.map((result) => result.error)).toEqual([null, null, null]);
    const stored = await positions(setlistId);
    expect(stored).toHaveLength(3);
    expect(new Set(stored).size).toBe(3);
    expect(stored[0]).toBe('a0');
  });

  it('a move onto a taken position lands just after it', async () => {
    const setlistId = await newSetlist();
    const [first, , moving] = await Promise.all([add(alice, setlistId, 'a0'), add(alice, setlistId, 'a2'), add(alice, setlistId, 'a4')]);
    const { data, error } = await withFreePosition(bob.client, SETLIST_ITEMS, setlistId, first.data!.position, (free) =>
      bob.client.from('setlist_items').update({ position: free }).eq('id', moving.data!.id).select('*'),
    );
    expect(error).toBeNull();
    expect(data![0]!.position > 'a0' && data![0]!.position < 'a2').toBe(true);
  });

  it('a refusal other than a taken position comes back unchanged (no retry)', async () => {
    const setlistId = await newSetlist();
    const { error } = await withFreePosition(bob.client, SETLIST_ITEMS, setlistId, 'a0', (free) =>
      bob.client.from('setlist_items').insert({ band_id: bandId, setlist_id: setlistId, kind: 'break', position: free, transpose: 99 }).select('*').single(),
    );
    expect(error?.code).toBe('23514');
    expect(await positions(setlistId)).toEqual([]);
  });
});

describe('concurrent changes to one item', () => {
  it('a move on one device and a transpose and note on another, at the same moment, are both kept', async () => {
    const setlistId = await newSetlist();
    const { data: item } = await add(alice, setlistId, 'a0');
    await add(alice, setlistId, 'a1');
    // What patchItem sends: only the fields each control changed.
    const [moved, edited] = await Promise.all([
      alice.client.from('setlist_items').update({ position: 'a2' }).eq('id', item!.id).select('*'),
      bob.client.from('setlist_items').update({ transpose: 3, notes: 'capo 2' }).eq('id', item!.id).select('*'),
    ]);
    expect(moved.error).toBeNull();
    expect(edited.error).toBeNull();
    const [row] = await sql<{ position: string; transpose: number; notes: string; version: number }>(
      stack,
      'select position, transpose, notes, version from public.setlist_items where id = $1',
      [item!.id],
    );
    expect(row).toEqual({ position: 'a2', transpose: 3, notes: 'capo 2', version: 3 });
  });
});
