import { describe, expect, it } from 'vitest';
import type { Song } from '@/lib/database.types';
import { keyRank, parseSongQuery, songQueryString, visibleSongs, type SongQuery } from './list-query';

let n = 0;
function song(fields: Partial<Song>): Song {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    band_id: 'b',
    title: `Song ${n}`,
    artist: null,
    key: null,
    tempo_bpm: null,
    duration_s: null,
    status: 'learning',
    notes: null,
    version: 1,
    created_by: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

const songs = [
  song({ title: 'Zombie', artist: 'The Cranberries', key: 'Em', tempo_bpm: 84, status: 'ready', updated_at: '2026-03-01T00:00:00Z' }),
  song({ title: 'crazy in love', artist: 'Beyoncé', key: 'Dm', tempo_bpm: 99, updated_at: '2026-05-01T00:00:00Z' }),
  song({ title: 'Africa', artist: 'Toto', key: 'B', tempo_bpm: null, status: 'ready', updated_at: '2026-04-01T00:00:00Z' }),
  song({ title: 'Song 10', key: null, tempo_bpm: 120 }),
  song({ title: 'Song 9', key: 'C#', tempo_bpm: 60 }),
];
const titles = (list: Song[]) => list.map((s) => s.title);
const query = (q: Partial<SongQuery>): SongQuery => ({ q: '', sort: 'title', status: 'all', ...q });

describe('song list query', () => {
  it('visibleSongs: sorts by title ignoring case, numbers in numeric order', () => {
    expect(titles(visibleSongs(songs, query({})))).toEqual(['Africa', 'crazy in love', 'Song 9', 'Song 10', 'Zombie']);
  });

  it('visibleSongs: sorts keys by pitch from C, songs without a key last', () => {
    expect(titles(visibleSongs(songs, query({ sort: 'key' })))).toEqual(['Song 9', 'crazy in love', 'Zombie', 'Africa', 'Song 10']);
  });

  it('visibleSongs: sorts by tempo, slowest first, no tempo last', () => {
    expect(titles(visibleSongs(songs, query({ sort: 'tempo' })))).toEqual(['Song 9', 'Zombie', 'crazy in love', 'Song 10', 'Africa']);
  });

  it('visibleSongs: status puts learning before ready, recent puts the last changed first', () => {
    expect(titles(visibleSongs(songs, query({ sort: 'status' })))).toEqual(['crazy in love', 'Song 9', 'Song 10', 'Africa', 'Zombie']);
    expect(titles(visibleSongs(songs, query({ sort: 'recent' }))).slice(0, 3)).toEqual(['crazy in love', 'Africa', 'Zombie']);
  });

  it('visibleSongs: searches title and artist, case- and accent-insensitively, every word', () => {
    expect(titles(visibleSongs(songs, query({ q: 'BEYONCE' })))).toEqual(['crazy in love']);
    expect(titles(visibleSongs(songs, query({ q: 'cran zom' })))).toEqual(['Zombie']);
    expect(visibleSongs(songs, query({ q: 'nothing like this' }))).toEqual([]);
  });

  it('visibleSongs: filters by status and keeps songs being edited whatever the query', () => {
    expect(titles(visibleSongs(songs, query({ status: 'ready' })))).toEqual(['Africa', 'Zombie']);
    const editing = songs[1]!;
    expect(titles(visibleSongs(songs, query({ status: 'ready', q: 'africa' }), new Set([editing.id])))).toEqual(['Africa', 'crazy in love']);
  });

  it('visibleSongs: does not reorder the store it was given', () => {
    const before = titles(songs);
    visibleSongs(songs, query({ sort: 'tempo' }));
    expect(titles(songs)).toEqual(before);
  });

  it('keyRank: enharmonic keys rank together, a minor after its major', () => {
    expect(keyRank('C#')).toBe(keyRank('Db'));
    expect(keyRank('Am')).toBe(keyRank('A')! + 1);
    expect(keyRank('Cb')).toBe(keyRank('B'));
    expect(keyRank('H')).toBeNull();
  });

  it('parseSongQuery/songQueryString: round-trip, and unknown values fall back to the defaults', () => {
    const q = query({ q: 'love', sort: 'recent', status: 'ready' });
    expect(parseSongQuery(new URLSearchParams(songQueryString(q)))).toEqual(q);
    expect(parseSongQuery(new URLSearchParams('sort=loudness&status=gone'))).toEqual(query({}));
    expect(songQueryString(query({}))).toBe('');
  });
});
