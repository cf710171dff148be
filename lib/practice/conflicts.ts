import type { PracticeSessionRow } from '@/lib/database.types';
import { conflictHints as hintsFor, conflictMessage as messageFor, plainValue, type FieldWords } from '@/lib/live/conflict-text';
import type { FieldConflict } from '@/lib/live/three-way';
import type { PracticeFields } from '@/lib/validation/practice';

// A practice's field-level conflict in words, as for setlists. Times are instants here (the zone is a field of
// its own and may be the one that changed), so they read in UTC, named.

const LABELS: Record<string, string> = { starts_at: 'start', ends_at: 'end', time_zone: 'time zone', location: 'location', notes: 'notes' };

const utc = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

const WORDS: FieldWords = {
  label: (field) => LABELS[field] ?? field,
  shown: (field, value) => ((field === 'starts_at' || field === 'ends_at') && typeof value === 'string' ? `${utc.format(new Date(value))} UTC` : plainValue(value)),
};

export const practiceConflictMessage = (conflicts: FieldConflict<string>[]) => messageFor(conflicts, WORDS);
export const practiceConflictHints = (conflicts: FieldConflict<string>[] | undefined) => hintsFor(conflicts, WORDS);

/** The details form's editable fields, sent as its merge base. */
export function practiceBase({ starts_at, ends_at, time_zone, location, notes }: PracticeSessionRow): PracticeFields {
  return { starts_at, ends_at, time_zone, location, notes };
}
