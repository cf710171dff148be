import type { Song, SongStatus } from '@/lib/database.types';
import { SONG_STATUSES } from '@/lib/validation/song';

// The song list's search, sort and status filter: pure, run on every render over the live store, so a
// bandmate's edit lands in its right place under the current query. The query lives in the URL (?q=&sort=&status=).

export const SONG_SORTS = ['title', 'key', 'tempo', 'status', 'recent'] as const;
export type SongSort = (typeof SONG_SORTS)[number];
export type SongStatusFilter = SongStatus | 'all';
export type SongQuery = { q: string; sort: SongSort; status: SongStatusFilter };

export const DEFAULT_SONG_QUERY: SongQuery = { q: '', sort: 'title', status: 'all' };

export const SORT_LABELS: Record<SongSort, string> = {
  title: 'Title',
  key: 'Key',
  tempo: 'Tempo',
  status: 'Status',
  recent: 'Recently changed',
};

/** Unknown or missing params fall back to the defaults: a hand-edited URL never breaks the list. */
export function parseSongQuery(params: { get(name: string): string | null }): SongQuery {
  const sort = params.get('sort');
  const status = params.get('status');
  return {
    q: params.get('q') ?? '',
    sort: (SONG_SORTS as readonly string[]).includes(sort ?? '') ? (sort as SongSort) : 'title',
    status: (SONG_STATUSES as readonly string[]).includes(status ?? '') ? (status as SongStatus) : 'all',
  };
}

/** Only what differs from the defaults, so a plain list has a plain URL. */
export function songQueryString(query: SongQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.sort !== DEFAULT_SONG_QUERY.sort) params.set('sort', query.sort);
  if (query.status !== 'all') params.set('status', query.status);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Case- and accent-insensitive: "beyonce" finds "Beyoncé". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

const PITCH: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** Keys in pitch order from C (C, C#/Db, D…), a major key before its minor; null for no key. */
export function keyRank(key: string | null): number | null {
  const match = key ? /^([A-G])([#b]?)(m?)$/.exec(key) : null;
  if (!match) return null;
  const accidental = match[2] === '#' ? 1 : match[2] === 'b' ? -1 : 0;
  return ((PITCH[match[1]!]! + accidental + 12) % 12) * 2 + (match[3] ? 1 : 0);
}

const byTitle = (a: Song, b: Song) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base', numeric: true }) || a.id.localeCompare(b.id);

/** Missing values (no key, no tempo) go last whatever the order, then by title. */
function nullsLast<T>(value: (song: Song) => T | null, compare: (a: T, b: T) => number) {
  return (a: Song, b: Song) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? byTitle(a, b) : x === null ? 1 : -1;
    return compare(x, y) || byTitle(a, b);
  };
}

const COMPARE: Record<SongSort, (a: Song, b: Song) => number> = {
  title: byTitle,
  key: nullsLast((song) => keyRank(song.key), (x, y) => x - y),
  tempo: nullsLast((song) => song.tempo_bpm, (x, y) => x - y),
  // What still needs work first.
  status: (a, b) => SONG_STATUSES.indexOf(a.status) - SONG_STATUSES.indexOf(b.status) || byTitle(a, b),
  recent: (a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at) || byTitle(a, b),
};

/**
 * The songs the query shows, in its order. `keep` are always shown (songs with an open edit form: what the user
 * is typing must not vanish because it stopped matching the search).
 */
export function visibleSongs(songs: readonly Song[], query: SongQuery, keep: ReadonlySet<string> = new Set()): Song[] {
  const words = fold(query.q).split(/\s+/).filter(Boolean);
  const matches = (song: Song) => {
    if (query.status !== 'all' && song.status !== query.status) return false;
    const text = fold(`${song.title} ${song.artist ?? ''}`);
    return words.every((word) => text.includes(word));
  };
  return songs.filter((song) => keep.has(song.id) || matches(song)).sort(COMPARE[query.sort]);
}
