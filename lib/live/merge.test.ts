import { describe, expect, it } from 'vitest';
import type { Song } from '@/lib/database.types';
import { compareBytes } from '@/lib/compare';
import { defineLiveTable, keyColumns, rowKey } from './definition';
import { applyDelete, applyOptimistic, applySnapshot, applyUpsert, initialLiveState, settle, type LiveState } from './merge';
import { createLiveStore } from './store';
import { songsTable } from './tables/songs';

function song(id: string, title: string, version = 1): Song {
  return {
    id,
    band_id: 'b',
    title,
    artist: null,
    key: null,
    tempo_bpm: null,
    duration_s: null,
    status: 'learning',
    notes: null,
    version,
    created_by: null,
    created_at: '2026-11-26T00:00:00Z',
    updated_at: '2026-11-26T00:00:00Z',
  };
}

const titles = (state: LiveState<Song>) => state.rows.map((s) => `${s.title}@${s.version}`);
const songs = (...rows: Song[]) => initialLiveState(songsTable, rows);
const upsert = (state: LiveState<Song>, row: Song) => applyUpsert(songsTable, state, row);

describe('live merge: server events', () => {
  it('applyUpsert: a new row is added in display order', () => {
    expect(titles(upsert(songs(song('1', 'Alpha'), song('3', 'Gamma')), song('2', 'beta')))).toEqual(['Alpha@1', 'beta@1', 'Gamma@1']);
  });

  it('applyUpsert: an id already shown (our own insert echoed back) is not duplicated', () => {
    expect(titles(upsert(songs(song('1', 'Alpha')), song('1', 'Alpha')))).toEqual(['Alpha@1']);
  });

  it('applyUpsert: a newer version replaces the row and re-sorts; older or equal versions return the same state', () => {
    expect(titles(upsert(songs(song('1', 'Alpha'), song('2', 'Beta')), song('1', 'Zulu', 2)))).toEqual(['Beta@1', 'Zulu@2']);
    const before = songs(song('1', 'Alpha', 3));
    expect(upsert(before, song('1', 'Stale', 2))).toBe(before);
    expect(upsert(before, song('1', 'Same', 3))).toBe(before);
  });

  it('applyDelete: removes by key columns only (a DELETE under RLS); an unknown key shows nothing new; keyless is a no-op', () => {
    const before = songs(song('1', 'Alpha'), song('2', 'Beta'));
    expect(titles(applyDelete(songsTable, before, { id: '1' }))).toEqual(['Beta@1']);
    expect(applyDelete(songsTable, before, { id: 'nope' }).rows).toEqual(before.rows);
    expect(applyDelete(songsTable, before, {})).toBe(before);
  });

  it('applySnapshot: the server rows replace the list, dropping rows deleted meanwhile, keeping newer shown versions', () => {
    const state = applySnapshot(songsTable, songs(song('1', 'Alpha'), song('2', 'Gone'), song('4', 'Fresh', 5)), [
      song('1', 'Alpha', 2),
      song('3', 'New'),
      song('4', 'Old', 4),
    ], 0);
    expect(titles(state)).toEqual(['Alpha@2', 'Fresh@5', 'New@1']);
  });

  it('applySnapshot: a refetch sent before an insert or delete reached this device does not undo it', () => {
    let state = songs(song('1', 'Alpha'), song('2', 'Beta'));
    const since = state.clock; // the refetch's query leaves now; it reads the table before the changes below
    state = upsert(state, song('3', 'Added')); // my insert's answer (or its event) overtakes the refetch
    state = applyDelete(songsTable, state, { id: '2' }); // a bandmate's delete, too
    state = applyDelete(songsTable, state, { id: '4' }); // a row deleted before this device ever held it
    state = applySnapshot(songsTable, state, [song('1', 'Alpha'), song('2', 'Beta'), song('4', 'Late')], since);
    expect(titles(state)).toEqual(['Added@1', 'Alpha@1']);
    // A refetch sent after those changes is the truth again, including for the keys stamped earlier.
    state = applySnapshot(songsTable, state, [song('1', 'Alpha'), song('2', 'Back')], state.clock);
    expect(titles(state)).toEqual(['Alpha@1', 'Back@1']);
  });

  it('applySnapshot: of two refetches in flight, the older one arriving last is ignored', () => {
    let state = songs(song('1', 'Alpha'));
    const first = state.clock;
    state = upsert(state, song('2', 'Beta'));
    const second = state.clock;
    state = applySnapshot(songsTable, state, [song('1', 'Alpha'), song('2', 'Beta')], second);
    expect(applySnapshot(songsTable, state, [song('1', 'Alpha')], first)).toBe(state);
  });
});

describe('live merge: composite keys', () => {
  type Availability = { band_id: string; member_id: string; event_id: string; answer: string; version: number };
  const availability = defineLiveTable<Availability>({
    table: 'songs',
    key: ['member_id', 'event_id'],
    compare: (a, b) => compareBytes(a.member_id, b.member_id) || compareBytes(a.event_id, b.event_id),
  });
  const row = (member_id: string, event_id: string, answer: string, version = 1): Availability => ({ band_id: 'b', member_id, event_id, answer, version });

  it('rowKey: JSON of the key values, so ("a|b","c") and ("a","b|c") differ; a missing column gives no key', () => {
    expect(rowKey(availability, row('a|b', 'c', 'yes'))).not.toBe(rowKey(availability, row('a', 'b|c', 'yes')));
    expect(rowKey(availability, { member_id: 'a' })).toBeUndefined();
    expect(keyColumns(availability, row('m', 'e', 'no'))).toEqual({ member_id: 'm', event_id: 'e' });
  });

  it('rows with one key column in common stay apart; update and delete find the right one', () => {
    let state = initialLiveState(availability, [row('m1', 'e1', 'yes'), row('m1', 'e2', 'no'), row('m2', 'e1', 'maybe')]);
    state = applyUpsert(availability, state, row('m1', 'e2', 'yes', 2));
    state = applyDelete(availability, state, { member_id: 'm2', event_id: 'e1' });
    expect(state.rows.map((r) => `${r.member_id}/${r.event_id}=${r.answer}`)).toEqual(['m1/e1=yes', 'm1/e2=yes']);
  });

  it('defineLiveTable: a table without key columns is refused', () => {
    expect(() => defineLiveTable<Song>({ table: 'songs', key: [], compare: () => 0 })).toThrow(/key column/);
  });
});

describe('live merge: optimistic echo', () => {
  const key = rowKey(songsTable, { id: '1' })!;

  it('an update shows at once and the saved row (next version) replaces it', () => {
    let state = applyOptimistic(songsTable, songs(song('1', 'Alpha')), key, { id: 'm1', kind: 'update', patch: { title: 'Alpha (live)' } });
    expect(titles(state)).toEqual(['Alpha (live)@1']);
    state = settle(songsTable, state, key, 'm1', { row: song('1', 'Alpha (live)', 2) });
    expect(titles(state)).toEqual(['Alpha (live)@2']);
    expect(state.overlays).toEqual({});
  });

  it('a refusal uncovers the server value; a bandmate change to the row meanwhile shows under the patch', () => {
    let state = applyOptimistic(songsTable, songs(song('1', 'Alpha')), key, { id: 'm1', kind: 'update', patch: { notes: 'mine' } });
    state = upsert(state, { ...song('1', 'Alpha by Sam', 2) });
    expect(state.rows[0]).toMatchObject({ title: 'Alpha by Sam', notes: 'mine', version: 2 });
    state = settle(songsTable, state, key, 'm1', {});
    expect(state.rows[0]).toMatchObject({ title: 'Alpha by Sam', notes: null, version: 2 });
  });

  it('a conflict shows the winner; gone removes the row', () => {
    const base = songs(song('1', 'Alpha'));
    const conflicted = settle(songsTable, applyOptimistic(songsTable, base, key, { id: 'm1', kind: 'update', patch: { title: 'Mine' } }), key, 'm1', {
      row: song('1', 'Theirs', 2),
    });
    expect(titles(conflicted)).toEqual(['Theirs@2']);
    const gone = settle(songsTable, applyOptimistic(songsTable, base, key, { id: 'm1', kind: 'update', patch: { title: 'Mine' } }), key, 'm1', { gone: { id: '1' } });
    expect(gone.rows).toEqual([]);
  });

  it('an insert shows before the server answers and is not duplicated by its echo; a refused insert disappears', () => {
    const newKey = rowKey(songsTable, { id: '9' })!;
    let state = applyOptimistic(songsTable, songs(song('1', 'Alpha')), newKey, { id: 'm1', kind: 'insert', row: song('9', 'Beta', 0) });
    expect(titles(state)).toEqual(['Alpha@1', 'Beta@0']);
    state = upsert(state, song('9', 'Beta', 1)); // the Realtime echo overtakes the action result
    expect(titles(state)).toEqual(['Alpha@1', 'Beta@1']);
    expect(titles(settle(songsTable, state, newKey, 'm1', { row: song('9', 'Beta', 1) }))).toEqual(['Alpha@1', 'Beta@1']);
    const refused = applyOptimistic(songsTable, songs(), newKey, { id: 'm2', kind: 'insert', row: song('9', 'Beta', 0) });
    expect(settle(songsTable, refused, newKey, 'm2', {}).rows).toEqual([]);
  });

  it('a delete hides the row until answered; refused, it comes back', () => {
    let state = applyOptimistic(songsTable, songs(song('1', 'Alpha')), key, { id: 'm1', kind: 'delete' });
    expect(state.rows).toEqual([]);
    state = settle(songsTable, state, key, 'm1', {});
    expect(titles(state)).toEqual(['Alpha@1']);
  });

  it('stacked changes to one row: the latest shows until it settles, whatever order answers arrive in', () => {
    let state = songs(song('1', 'Alpha'));
    state = applyOptimistic(songsTable, state, key, { id: 'm1', kind: 'update', patch: { tempo_bpm: 100 } });
    state = applyOptimistic(songsTable, state, key, { id: 'm2', kind: 'update', patch: { tempo_bpm: 110 } });
    state = settle(songsTable, state, key, 'm1', { row: { ...song('1', 'Alpha', 2), tempo_bpm: 100 } });
    expect(state.rows[0]).toMatchObject({ tempo_bpm: 110, version: 2 });
    state = settle(songsTable, state, key, 'm2', { row: { ...song('1', 'Alpha', 3), tempo_bpm: 110 } });
    expect(state.rows[0]).toMatchObject({ tempo_bpm: 110, version: 3 });
    expect(state.overlays).toEqual({});
  });
});

describe('createLiveStore', () => {
  it('each call is an independent store seeded and sorted from its initial rows', () => {
    const a = createLiveStore(songsTable, [song('2', 'Beta'), song('1', 'Alpha')]);
    const b = createLiveStore(songsTable, []);
    a.getState().applyUpsert(song('3', 'Gamma'));
    expect(titles(a.getState())).toEqual(['Alpha@1', 'Beta@1', 'Gamma@1']);
    expect(b.getState().rows).toEqual([]);
    a.getState().applyUpsert(song('3', 'Gamma', 2));
    a.getState().applyDelete({ id: '1' });
    expect(titles(a.getState())).toEqual(['Beta@1', 'Gamma@2']);
  });
});
