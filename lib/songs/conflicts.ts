import type { Song } from '@/lib/database.types';
import { conflictHints as hintsFor, conflictMessage as messageFor, plainValue, type FieldWords } from '@/lib/live/conflict-text';
import type { FieldConflict } from '@/lib/live/three-way';
import type { FieldErrors } from '@/lib/validation/form';
import { formatDuration, type SongFieldName } from '@/lib/validation/song';

// A song's field-level conflict in words: on the server (the result's message) and in the form (per field).

const LABELS: Record<SongFieldName, string> = {
  title: 'title',
  artist: 'artist',
  key: 'key',
  tempo_bpm: 'tempo',
  duration_s: 'duration',
  status: 'status',
  notes: 'notes',
  chart: 'chart',
};

/** A value as the form shows it: m:ss for durations, "(empty)" for a cleared field. */
export function shownValue(field: string, value: unknown): string {
  if (field === 'duration_s' && typeof value === 'number') return formatDuration(value);
  return plainValue(value);
}

const WORDS: FieldWords = { label: (field) => LABELS[field as SongFieldName] ?? field, shown: shownValue };

export type SongConflict = FieldConflict<SongFieldName>;

export function conflictMessage(conflicts: FieldConflict<string>[]): string {
  return messageFor(conflicts, WORDS);
}

export function conflictHints(conflicts: FieldConflict<string>[] | undefined): FieldErrors<SongFieldName> {
  return hintsFor(conflicts, WORDS) as FieldErrors<SongFieldName>;
}

/** The song's editable fields, as the edit form sends them for the three-way merge. */
export function songBase(song: Song): Pick<Song, SongFieldName> {
  const { title, artist, key, tempo_bpm, duration_s, status, notes, chart = null } = song;
  return { title, artist, key, tempo_bpm, duration_s, status, notes, chart };
}
