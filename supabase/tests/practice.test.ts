import { beforeAll, describe, expect, inject, it } from 'vitest';
import { AGENDA_ITEMS, withFreePosition } from '@/lib/order/free-position';
import { band, signUp, sql, type User } from './support';

// The practice actions' database paths, driven through supabase-js as the band's members: the agenda's collision
// rule (the setlists' one, on practice_items) and learn status as one upserted row per member per song.

const stack = inject('stack');
let alice: User, bob: User;
let bandId: string;
let songId: string;

beforeAll(async () => {
  [alice, bob] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob')]);
  bandId = await band(stack, alice, [[bob, 'member']]);
  const { data, error } = await alice.client.from('songs').insert({ band_id: bandId, title: 'Agenda Song' }).select('id').single();
  if (error) throw error;
  songId = data.id;
});

async function newPractice(): Promise<string> {
  const { data, error } = await alice.client
    .from('practice_sessions')
    .insert({ band_id: bandId, starts_at: '2026-12-12T19:00:00Z', ends_at: '2026-12-12T22:00:00Z', time_zone: 'Europe/Lisbon' })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

function add(user: User, sessionId: string, position: string) {
  return withFreePosition(user.client, AGENDA_ITEMS, sessionId, position, (free) =>
    user.client.from('practice_items').insert({ band_id: bandId, session_id: sessionId, song_id: songId, position: free }).select('*').single(),
  );
}

/** What setLearnStatus writes: the member's own row, inserted or updated in place. */
function setStatus(user: User, status: 'new' | 'learning' | 'ready') {
  return user.client
    .from('learn_status')
    .upsert({ band_id: bandId, song_id: songId, user_id: user.id, status }, { onConflict: 'song_id,user_id' })
    .select('*')
    .single();
}

describe('practice agenda', () => {
  it('two members adding at the same key at the same moment both keep their item, in distinct places', async () => {
    const sessionId = await newPractice();
    const results = await Promise.all([add(alice, sessionId, 'a0'), add(bob, sessionId, 'a0')]);
    expect(results.map((result) => result.error)).toEqual([null, null]);
    const rows = await sql<{ position: string }>(stack, 'select position from public.practice_items where session_id = $1 order by position', [sessionId]);
    expect(rows.map((row) => row.position)).toHaveLength(2);
    expect(rows[0]!.position).toBe('a0');
    expect(rows[1]!.position > 'a0').toBe(true);
  });

  it('a goal over 200 characters is refused by the database too', async () => {
    const sessionId = await newPractice();
    const { error } = await alice.client.from('practice_items').insert({ band_id: bandId, session_id: sessionId, song_id: songId, position: 'a0', goal: 'x'.repeat(201) });
    expect(error?.code).toBe('23514');
  });
});

describe('learn status', () => {
  it('is one row per member per song: a second choice updates it (version 2)', async () => {
    expect((await setStatus(bob, 'learning')).data).toMatchObject({ status: 'learning', version: 1 });
    expect((await setStatus(bob, 'ready')).data).toMatchObject({ status: 'ready', version: 2 });
    const rows = await sql<{ status: string }>(stack, 'select status from public.learn_status where song_id = $1 and user_id = $2', [songId, bob.id]);
    expect(rows).toEqual([{ status: 'ready' }]);
  });

  it("a member cannot set a bandmate's status", async () => {
    const { error } = await alice.client.from('learn_status').upsert({ band_id: bandId, song_id: songId, user_id: bob.id, status: 'new' }, { onConflict: 'song_id,user_id' });
    expect(error).not.toBeNull();
    const rows = await sql<{ status: string }>(stack, 'select status from public.learn_status where song_id = $1 and user_id = $2', [songId, bob.id]);
    expect(rows).toEqual([{ status: 'ready' }]);
  });
});
