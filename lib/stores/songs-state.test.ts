import { describe, expect, it } from 'vitest';
import type { Song } from '@/lib/database.types';
import { applyDelete, applyInsert, applySnapshot, applyUpdate } from './songs-state';
import { createSongsStore } from './songs-store';

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

const titles = (state: { songs: Song[] }) => state.songs.map((s) => `${s.title}@${s.version}`);

describe('songs-state', () => {
  it('applyInsert: adds the row in title order', () => {
    const state = applyInsert({ songs: [song('1', 'Alpha'), song('3', 'Gamma')] }, song('2', 'beta'));
    expect(titles(state)).toEqual(['Alpha@1', 'beta@1', 'Gamma@1']);
  });

  it('applyInsert: an id already shown (our own insert echoed back) is not duplicated', () => {
    const state = applyInsert({ songs: [song('1', 'Alpha')] }, song('1', 'Alpha'));
    expect(titles(state)).toEqual(['Alpha@1']);
  });

  it('applyUpdate: replaces the row with a newer version and re-sorts', () => {
    const state = applyUpdate({ songs: [song('1', 'Alpha'), song('2', 'Beta')] }, song('1', 'Zulu', 2));
    expect(titles(state)).toEqual(['Beta@1', 'Zulu@2']);
  });

  it('applyUpdate: ignores an older or equal version, returning the same state', () => {
    const before = { songs: [song('1', 'Alpha', 3)] };
    expect(applyUpdate(before, song('1', 'Stale', 2))).toBe(before);
    expect(applyUpdate(before, song('1', 'Same', 3))).toBe(before);
  });

  it('applyUpdate: adds a row it did not know (update arrived before the insert)', () => {
    expect(titles(applyUpdate({ songs: [] }, song('9', 'Late', 2)))).toEqual(['Late@2']);
  });

  it('applyDelete: removes the row; an unknown id returns the same state', () => {
    const before = { songs: [song('1', 'Alpha'), song('2', 'Beta')] };
    expect(titles(applyDelete(before, '1'))).toEqual(['Beta@1']);
    expect(applyDelete(before, 'nope')).toBe(before);
  });

  it('applySnapshot: the server rows replace the list, dropping rows deleted meanwhile', () => {
    const state = applySnapshot({ songs: [song('1', 'Alpha'), song('2', 'Gone')] }, [song('1', 'Alpha', 2), song('3', 'New')]);
    expect(titles(state)).toEqual(['Alpha@2', 'New@1']);
  });

  it('applySnapshot: keeps a newer version already on screen over an older snapshot row', () => {
    const state = applySnapshot({ songs: [song('1', 'Fresh', 5)] }, [song('1', 'Old', 4)]);
    expect(titles(state)).toEqual(['Fresh@5']);
  });

  it('createSongsStore: each call is an independent store seeded and sorted from its initial rows', () => {
    const a = createSongsStore([song('2', 'Beta'), song('1', 'Alpha')]);
    const b = createSongsStore([]);
    a.getState().applyInsert(song('3', 'Gamma'));
    expect(titles(a.getState())).toEqual(['Alpha@1', 'Beta@1', 'Gamma@1']);
    expect(b.getState().songs).toEqual([]);
    a.getState().applyUpdate(song('3', 'Gamma', 2));
    a.getState().applyDelete('1');
    expect(titles(a.getState())).toEqual(['Beta@1', 'Gamma@2']);
  });
});
