import type { Song } from '@/lib/database.types';
import type { FieldErrors } from '@/lib/validation/form';
import { formatDuration, type SongFieldName } from '@/lib/validation/song';
import type { FieldConflict } from '@/lib/live/three-way';

// How a song's field-level conflict reads, on the server (the result's message) and in the form (per field).

const LABELS: Record<SongFieldName, string> = {
  title: 'title',
  artist: 'artist',
  key: 'key',
  tempo_bpm: 'tempo',
  duration_s: 'duration',
  status: 'status',
  notes: 'notes',
};

/** A value as the form shows it: m:ss for durations, "(empty)" for a cleared field. */
export function shownValue(field: SongFieldName, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (field === 'duration_s' && typeof value === 'number') return formatDuration(value);
  return String(value);
}

export type SongConflict = FieldConflict<SongFieldName>;

/** "A bandmate also changed tempo (theirs “110”, yours “120”) …": exactly the fields both sides changed. */
export function conflictMessage(conflicts: SongConflict[]): string {
  const list = conflicts
    .map(({ field, mine, theirs }) => `${LABELS[field]} (theirs “${shownValue(field, theirs)}”, yours “${shownValue(field, mine)}”)`)
    .join(', ');
  return `A bandmate also changed ${list} while you were editing. Everything else you changed is kept in the form; choose and save again.`;
}

/** One hint per conflicting field, shown under it: the form holds the user's value, the hint names theirs. */
export function conflictHints(conflicts: FieldConflict[] | undefined): FieldErrors<SongFieldName> {
  const hints: FieldErrors<SongFieldName> = {};
  for (const { field, theirs } of conflicts ?? []) if (field in LABELS) hints[field as SongFieldName] = `A bandmate saved “${shownValue(field as SongFieldName, theirs)}”. Yours is kept here; saving uses it.`;
  return hints;
}

/** The song's editable fields, as the edit form sends them for the three-way merge. */
export function songBase(song: Song): Pick<Song, SongFieldName> {
  const { title, artist, key, tempo_bpm, duration_s, status, notes } = song;
  return { title, artist, key, tempo_bpm, duration_s, status, notes };
}
