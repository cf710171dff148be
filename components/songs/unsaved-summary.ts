import type { Song } from '@/lib/database.types';
// Relative, not '@/': vitest (vitest.config.ts) resolves no path aliases.
import { formatDuration } from '../../lib/validation/song';

const LABELS = { title: 'title', artist: 'artist', key: 'key', tempo_bpm: 'tempo', duration_s: 'duration', status: 'status', notes: 'notes' } as const;

function shown(song: Song, field: keyof typeof LABELS): string {
  if (field === 'duration_s') return formatDuration(song.duration_s);
  const value = song[field];
  return value === null ? '' : String(value);
}

/** " Your unsaved edit: title “X”, tempo “120”." for the fields where what the user typed differs from the winner. */
export function unsavedSummary(values: Record<string, string>, winner: Song): string {
  const differences = (Object.keys(LABELS) as Array<keyof typeof LABELS>)
    .filter((field) => field in values && (values[field] ?? '').trim() !== shown(winner, field))
    .map((field) => `${LABELS[field]} “${(values[field] ?? '').trim()}”`);
  return differences.length ? ` Your unsaved edit: ${differences.join(', ')}.` : '';
}
