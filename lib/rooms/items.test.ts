import { describe, expect, it } from 'vitest';
import type { SetlistItemRow, Song } from '@/lib/database.types';
import { itemTitle, practiceRoomItems, stageRoomItems, stepSong, upNext, type RoomItem } from './items';

const song = (id: string, title: string, duration_s: number | null = 200): Song =>
  ({ id, band_id: 'b', title, artist: null, key: 'C', tempo_bpm: 100, duration_s, status: 'learning', notes: null, version: 1, created_by: null, created_at: '', updated_at: '' }) as Song;
const songs = new Map([song('s1', 'One'), song('s2', 'Two'), song('s3', 'Three', null)].map((row) => [row.id, row]));
const setlistItem = (id: string, kind: SetlistItemRow['kind'], song_id: string | null, extra: Partial<SetlistItemRow> = {}): SetlistItemRow => ({
  id, band_id: 'b', setlist_id: 'l', kind, song_id, position: id, transpose: 0, notes: null, duration_override_s: null, version: 1, created_at: '', updated_at: '', ...extra,
});
const stage: RoomItem[] = stageRoomItems(
  [setlistItem('a', 'song', 's1', { transpose: 2 }), setlistItem('b', 'break', null, { duration_override_s: 900 }), setlistItem('c', 'song', 's2'), setlistItem('d', 'note', null, { notes: 'Thank the venue' }), setlistItem('e', 'song', 's3')],
  songs,
);

describe('room items', () => {
  it('stageRoomItems: keeps breaks and notes in running order, with the item transpose and planned length', () => {
    expect(stage.map((item) => [item.id, item.kind, item.transpose, item.durationS])).toEqual([
      ['a', 'song', 2, 200],
      ['b', 'break', 0, 900],
      ['c', 'song', 0, 200],
      ['d', 'note', 0, null],
      ['e', 'song', 0, null],
    ]);
    expect(stage.map(itemTitle)).toEqual(['One', 'Set break', 'Two', 'Thank the venue', 'Three']);
  });

  it('practiceRoomItems: every agenda item is a song with its goal; a song gone from the library is named so', () => {
    const items = practiceRoomItems([{ id: 'p1', band_id: 'b', session_id: 's', song_id: 'gone', position: 'a0', goal: 'Tight', version: 1, created_at: '', updated_at: '' }], songs);
    expect(items[0]).toMatchObject({ kind: 'song', goal: 'Tight', transpose: 0 });
    expect(itemTitle(items[0]!)).toBe('A song no longer in the library');
  });

  it('stepSong: moves song to song over breaks and notes, stops at either end; from nowhere the first song is next', () => {
    expect(stepSong(stage, 'a', 1)?.id).toBe('c');
    expect(stepSong(stage, 'c', 1)?.id).toBe('e');
    expect(stepSong(stage, 'e', -1)?.id).toBe('c');
    expect(stepSong(stage, 'e', 1)).toBeUndefined();
    expect(stepSong(stage, 'a', -1)).toBeUndefined();
    expect(stepSong(stage, null, 1)?.id).toBe('a');
    expect(stepSong(stage, 'unknown', -1)).toBeUndefined();
  });

  it('upNext: a set break and then the next song; nothing after the last song', () => {
    expect(upNext(stage, 'a').map((item) => item.id)).toEqual(['b', 'c']);
    expect(upNext(stage, 'c').map((item) => item.id)).toEqual(['d', 'e']);
    expect(upNext(stage, 'e')).toEqual([]);
    expect(upNext(stage, null)).toEqual([]);
  });
});
