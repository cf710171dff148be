import { beforeAll, describe, expect, inject, it } from 'vitest';
import { band, signUp, sql, type User } from './support';

// Charts in the database: songs.chart's size check, and chart_offsets as each member's own rows (RLS), driven
// through supabase-js as the band's members and an outsider.

const stack = inject('stack');
let alice: User, bob: User, eve: User;
let bandId: string;
let songId: string;

beforeAll(async () => {
  [alice, bob, eve] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob'), signUp(stack, 'eve')]);
  bandId = await band(stack, alice, [[bob, 'member']]);
  const { data, error } = await alice.client.from('songs').insert({ band_id: bandId, title: 'Chart Song' }).select('id').single();
  if (error) throw error;
  songId = data.id;
});

function setOffset(user: User, semitones: number, userId = user.id) {
  return user.client
    .from('chart_offsets')
    .upsert({ user_id: userId, band_id: bandId, song_id: songId, semitones }, { onConflict: 'user_id,song_id' })
    .select('*');
}

describe('chart offsets', () => {
  it('chart_offsets: a member sets and changes their own offset, and reads only their own rows', async () => {
    expect((await setOffset(alice, 2)).error).toBeNull();
    expect((await setOffset(alice, -3)).data?.[0]?.semitones).toBe(-3);
    expect((await setOffset(bob, 5)).error).toBeNull();
    const { data } = await alice.client.from('chart_offsets').select('user_id, semitones').eq('band_id', bandId);
    expect(data).toEqual([{ user_id: alice.id, semitones: -3 }]);
  });

  it('chart_offsets: a member cannot write a bandmate’s offset', async () => {
    const { error } = await setOffset(bob, 7, alice.id);
    expect(error?.code).toBe('42501');
    const rows = await sql<{ semitones: number }>(stack, 'select semitones from public.chart_offsets where user_id = $1 and song_id = $2', [alice.id, songId]);
    expect(rows).toEqual([{ semitones: -3 }]);
  });

  it('chart_offsets: a non-member cannot write an offset for the band’s song', async () => {
    const { error } = await setOffset(eve, 1);
    expect(error?.code).toBe('42501');
    const rows = await sql(stack, 'select 1 from public.chart_offsets where user_id = $1', [eve.id]);
    expect(rows).toHaveLength(0);
  });

  it('chart_offsets: semitones outside −11..11 are refused by the database', async () => {
    expect((await setOffset(bob, 12)).error?.code).toBe('23514');
    expect((await setOffset(bob, -12)).error?.code).toBe('23514');
    expect((await setOffset(bob, 11)).error).toBeNull();
  });
});

describe('song chart', () => {
  it('songs.chart: up to 20,000 characters is kept; more is refused and nothing is written', async () => {
    const ok = await alice.client.from('songs').update({ chart: 'a'.repeat(20_000) }).eq('id', songId).select('chart');
    expect(ok.error).toBeNull();
    const { error } = await alice.client.from('songs').update({ chart: 'b'.repeat(20_001) }).eq('id', songId).select('chart');
    expect(error?.code).toBe('23514');
    const rows = await sql<{ chart: string }>(stack, 'select chart from public.songs where id = $1', [songId]);
    expect(rows[0]?.chart).toBe('a'.repeat(20_000));
  });
});
