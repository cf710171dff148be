import type { LearnState, LearnStatusRow, SetlistItem, Song } from '@/lib/database.types';

// "What is not ready for the next show": the songs of its setlist that some member still marks new or learning.
// A member who has not set a status is not counted as not ready (nothing was said), only listed as unknown.

export type NotReady = { song: Song; members: { userId: string; status: Exclude<LearnState, 'ready'> }[] };

export function notReady(setlistId: string | null, items: SetlistItem[], songs: Song[], learn: LearnStatusRow[]): NotReady[] {
  if (!setlistId) return [];
  const byId = new Map(songs.map((song) => [song.id, song]));
  const seen = new Set<string>();
  const result: NotReady[] = [];
  for (const item of items) {
    if (item.setlist_id !== setlistId || !item.song_id || seen.has(item.song_id)) continue;
    seen.add(item.song_id);
    const song = byId.get(item.song_id);
    const members = learn
      .filter((row) => row.song_id === item.song_id && row.status !== 'ready')
      .map((row) => ({ userId: row.user_id, status: row.status as Exclude<LearnState, 'ready'> }));
    if (song && members.length) result.push({ song, members });
  }
  return result;
}
