import type { LearnState } from '@/lib/database.types';

/** Song id → member id → that member's learn status; a member without a row has not said. */
export type LearnBySong = Map<string, Map<string, LearnState>>;

/** Songs some member has not marked ready (one who has not said counts as not ready), in the given order. */
export function notReady<Song extends { id: string }>(songs: Song[], learn: LearnBySong, memberIds: string[]): Song[] {
  return songs.filter((song) => memberIds.some((member) => learn.get(song.id)?.get(member) !== 'ready'));
}

/** "2 of 3 songs not ready: Closer, Anthem", or "All 3 songs are ready." */
export function readinessLine(total: number, waiting: string[]): string {
  const songs = (count: number) => `${count} ${count === 1 ? 'song' : 'songs'}`;
  if (waiting.length === 0) return `All ${songs(total)} ${total === 1 ? 'is' : 'are'} ready.`;
  return `${waiting.length} of ${songs(total)} not ready: ${waiting.join(', ')}`;
}
