import type { SetlistItem } from '@/lib/database.types';

// Running times of a setlist: sets are separated by break items; a song counts its override, else its own
// duration; a break counts its override (its length). Songs with no known length are counted, not guessed.

export type TimedItem = Pick<SetlistItem, 'id' | 'kind' | 'song_id' | 'duration_override_s' | 'notes'>;

export type SetTiming = { name: string; songs: number; seconds: number; unknown: number; itemIds: string[] };

export type SetlistTiming = { sets: SetTiming[]; breakSeconds: number; totalSeconds: number; unknown: number };

/** `items` in display order; `songSeconds` gives a song's own duration (null when not set). */
export function setlistTiming(items: ReadonlyArray<TimedItem>, songSeconds: (songId: string) => number | null): SetlistTiming {
  const sets: SetTiming[] = [{ name: 'Set 1', songs: 0, seconds: 0, unknown: 0, itemIds: [] }];
  let breakSeconds = 0;
  for (const item of items) {
    if (item.kind === 'break') {
      breakSeconds += item.duration_override_s ?? 0;
      // The break opens the next set and may name it ("Encore"); otherwise sets are numbered.
      sets.push({ name: item.notes?.trim() || `Set ${sets.length + 1}`, songs: 0, seconds: 0, unknown: 0, itemIds: [] });
      continue;
    }
    const set = sets.at(-1)!;
    set.itemIds.push(item.id);
    if (item.kind !== 'song' || !item.song_id) continue;
    set.songs += 1;
    const seconds = item.duration_override_s ?? songSeconds(item.song_id);
    if (seconds === null) set.unknown += 1;
    else set.seconds += seconds;
  }
  const setSeconds = sets.reduce((sum, set) => sum + set.seconds, 0);
  return { sets, breakSeconds, totalSeconds: setSeconds + breakSeconds, unknown: sets.reduce((sum, set) => sum + set.unknown, 0) };
}

/** Seconds as m:ss, or h:mm:ss from an hour up: "3:45", "1:02:05". */
export function clock(totalSeconds: number): string {
  const seconds = Math.abs(Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "2:10 over", "0:45 under" or "on target" against the target slot; null without a target. */
export function againstTarget(totalSeconds: number, targetSeconds: number | null): { label: string; tone: 'over' | 'under' | 'on' } | null {
  if (targetSeconds === null) return null;
  const difference = totalSeconds - targetSeconds;
  if (difference === 0) return { label: 'on target', tone: 'on' };
  return { label: `${clock(difference)} ${difference > 0 ? 'over' : 'under'}`, tone: difference > 0 ? 'over' : 'under' };
}
