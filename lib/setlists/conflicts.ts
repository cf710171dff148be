import type { Setlist } from '@/lib/database.types';
import { conflictHints as hintsFor, conflictMessage as messageFor, plainValue, type FieldWords } from '@/lib/live/conflict-text';
import type { FieldConflict } from '@/lib/live/three-way';
import { clock } from './timing';

// A setlist's field-level conflict in words (name, target length, notes), as for songs.

const LABELS: Record<string, string> = { name: 'name', target_duration_s: 'target length', notes: 'notes' };

const WORDS: FieldWords = {
  label: (field) => LABELS[field] ?? field,
  shown: (field, value) => (field === 'target_duration_s' && typeof value === 'number' ? clock(value) : plainValue(value)),
};

export const setlistConflictMessage = (conflicts: FieldConflict<string>[]) => messageFor(conflicts, WORDS);
export const setlistConflictHints = (conflicts: FieldConflict<string>[] | undefined) => hintsFor(conflicts, WORDS);

/** The details form's editable fields, sent as its merge base. */
export function setlistBase({ name, target_duration_s, notes }: Setlist): Pick<Setlist, 'name' | 'target_duration_s' | 'notes'> {
  return { name, target_duration_s, notes };
}
