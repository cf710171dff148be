import { beforeAll, describe, expect, inject, it } from 'vitest';
import { band, signUp, sql, type User } from './support';

// song_deletions: who deleted a song, for a bandmate whose edit form is open (trigger-written, members-only).

const stack = inject('stack');
let alice: User, bob: User, mallory: User;
let bandId: string;

beforeAll(async () => {
  [alice, bob, mallory] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob'), signUp(stack, 'mallory')]);
  bandId = await band(stack, alice, [[bob, 'member']]);
  await band(stack, mallory);
});

async function song(title: string): Promise<string> {
  const { data, error } = await alice.client.from('songs').insert({ band_id: bandId, title }).select('id').single();
  if (error) throw error;
  return data.id;
}

describe('song_deletions', () => {
  it('records who deleted a song; bandmates read the name, others see nothing', async () => {
    const id = await song('Gone Tomorrow');
    const { error } = await bob.client.from('songs').delete().eq('id', id);
    expect(error).toBeNull();
    const { data } = await alice.client.from('song_deletions').select('deleted_by, profiles(display_name)').eq('song_id', id).single();
    expect(data).toEqual({ deleted_by: bob.id, profiles: { display_name: 'bob' } });
    const { data: outsider } = await mallory.client.from('song_deletions').select('*').eq('song_id', id);
    expect(outsider).toEqual([]);
  });

  it('records deletions through remove_song too', async () => {
    const id = await song('In A Setlist');
    const { error } = await bob.client.rpc('remove_song', { p_song_id: id });
    expect(error).toBeNull();
    expect(await sql(stack, 'select deleted_by from public.song_deletions where song_id = $1', [id])).toEqual([{ deleted_by: bob.id }]);
  });

  it('cannot be written by clients', async () => {
    const { error } = await bob.client.from('song_deletions').insert({ song_id: crypto.randomUUID(), band_id: bandId, deleted_by: alice.id });
    expect(error?.code).toBe('42501');
  });

  it('a band deleted with its songs does not fail on the records it leaves', async () => {
    const other = await band(stack, alice);
    await alice.client.from('songs').insert({ band_id: other, title: 'Last Song' });
    const { error } = await alice.client.from('bands').delete().eq('id', other);
    expect(error).toBeNull();
    expect(await sql(stack, 'select count(*)::int as n from public.bands where id = $1', [other])).toEqual([{ n: 0 }]);
  });
});
