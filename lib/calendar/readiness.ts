import type { LearnState, LearnStatusRow, SetlistItem, Song } from '@/lib/database.types';

// "What is not ready for the next show": the songs of its setlist that some member has not marked ready, as the
// practice agenda counts them (lib/practice/readiness.ts): a member who has not said is not ready ("not set").

export type NotReady = { song: Song; members: { userId: string; status: Exclude<LearnState, 'ready'> | 'not set' }[] };

export function notReady(setlistId: string | null, items: SetlistItem[], songs: Song[], learn: LearnStatusRow[], memberIds: string[]): NotReady[] {
  if (!setlistId) return [];
  const byId = new Map(songs.map((song) => [song.id, song]));
  const seen = new Set<string>();
  const result: NotReady[] = [];
  for (const item of items) {
    if (item.setlist_id !== setlistId || !item.song_id || seen.has(item.song_id)) continue;
    seen.add(item.song_id);
    const song = byId.get(item.song_id);
    const members = memberIds.flatMap((userId) => {
      const status: LearnState | 'not set' = learn.find((row) => row.song_id === item.song_id && row.user_id === userId)?.status ?? 'not set';
      return status === 'ready' ? [] : [{ userId, status }];
    });
    if (song && members.length) result.push({ song, members });
  }
  return result;
}
