import type { PracticeItemRow, SetlistItemRow, Song } from '@/lib/database.types';

// What a room runs through, the same for a practice agenda and a show's setlist: pure, so the stepping rules are
// tested without a browser.

export type RoomItem = {
  id: string;
  kind: 'song' | 'break' | 'note';
  song?: Song;
  /** The setlist item's transpose (semitones); 0 on a practice agenda. */
  transpose: number;
  /** The practice goal, or the setlist item's note. */
  goal: string | null;
  /** Planned seconds: the item's override, else the song's length. */
  durationS: number | null;
};

export function practiceRoomItems(agenda: PracticeItemRow[], songs: Map<string, Song>): RoomItem[] {
  return agenda.map((item) => {
    const song = songs.get(item.song_id);
    return { id: item.id, kind: 'song', song, transpose: 0, goal: item.goal, durationS: song?.duration_s ?? null };
  });
}

export function stageRoomItems(items: SetlistItemRow[], songs: Map<string, Song>): RoomItem[] {
  return items.map((item) => {
    const song = item.song_id ? songs.get(item.song_id) : undefined;
    return {
      id: item.id,
      kind: item.kind,
      song,
      transpose: item.transpose,
      goal: item.notes,
      durationS: item.duration_override_s ?? song?.duration_s ?? null,
    };
  });
}

/** The title a room shows for an item. */
export function itemTitle(item: RoomItem): string {
  if (item.kind === 'break') return 'Set break';
  if (item.kind === 'note') return item.goal ?? 'Note';
  return item.song?.title ?? 'A song no longer in the library';
}

/**
 * The song `delta` songs away from `fromId` (breaks and notes are passed over: a room stops only on songs), or
 * undefined past either end. From an item that is not in the list, the first song is the next one.
 */
export function stepSong(items: RoomItem[], fromId: string | null, delta: number): RoomItem | undefined {
  const songs = items.filter((item) => item.kind === 'song');
  const index = songs.findIndex((item) => item.id === fromId);
  if (index === -1) return delta > 0 ? songs[0] : undefined;
  return songs[index + delta];
}

/** What comes after `currentId` in running order (a break included), for "up next". */
export function upNext(items: RoomItem[], currentId: string | null): RoomItem[] {
  const index = items.findIndex((item) => item.id === currentId);
  if (index === -1) return [];
  const next: RoomItem[] = [];
  for (const item of items.slice(index + 1)) {
    next.push(item);
    if (item.kind === 'song') break;
  }
  return next;
}
