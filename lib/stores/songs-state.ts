import type { Song } from '@/lib/database.types';

// Pure transitions of the songs view. Realtime delivers at least the events that happened, in commit order per
// row, but a refetch can overtake an event and our own action result races our own echo; `version` (bumped by
// the database on every update) decides which copy of a row is newer, so applying anything twice is harmless.

export type SongsState = { songs: Song[] };

/** Display order: title, then id so equal titles keep a stable order across devices. */
export function compareSongs(a: Song, b: Song): number {
  const byTitle = a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });
  if (byTitle !== 0) return byTitle;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sorted(songs: Song[]): Song[] {
  return [...songs].sort(compareSongs);
}

/** A new row; an id already present is treated as an update (our own insert echoed back). */
export function applyInsert(state: SongsState, song: Song): SongsState {
  if (state.songs.some((existing) => existing.id === song.id)) return applyUpdate(state, song);
  return { songs: sorted([...state.songs, song]) };
}

/** A changed row; an older or equal version than the one shown is ignored, an unknown id is added. */
export function applyUpdate(state: SongsState, song: Song): SongsState {
  const current = state.songs.find((existing) => existing.id === song.id);
  if (!current) return { songs: sorted([...state.songs, song]) };
  if (song.version <= current.version) return state;
  return { songs: sorted(state.songs.map((existing) => (existing.id === song.id ? song : existing))) };
}

/** A removed row; unknown ids are ignored (DELETE events carry only the primary key under RLS). */
export function applyDelete(state: SongsState, id: string): SongsState {
  if (!state.songs.some((existing) => existing.id === id)) return state;
  return { songs: state.songs.filter((existing) => existing.id !== id) };
}

/**
 * The result of a refetch after a reconnect: the server's rows are the truth, except where the screen already
 * shows a newer version (an event that arrived while the refetch was in flight).
 */
export function applySnapshot(state: SongsState, rows: Song[]): SongsState {
  const shown = new Map(state.songs.map((song) => [song.id, song]));
  const merged = rows.map((row) => {
    const current = shown.get(row.id);
    return current && current.version > row.version ? current : row;
  });
  return { songs: sorted(merged) };
}
