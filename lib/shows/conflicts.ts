import type { ShowRow } from '@/lib/database.types';
import { formatZonedTime } from '@/lib/calendar/zoned';
import { conflictHints as hintsFor, conflictMessage as messageFor, plainValue, type FieldWords } from '@/lib/live/conflict-text';
import type { FieldConflict } from '@/lib/live/three-way';
import { formatFee } from './money';

// A show's field-level conflict in words; times read on the venue's wall clock, fees as money.

const LABELS: Record<string, string> = {
  title: 'title',
  venue_name: 'venue',
  venue_address: 'address',
  time_zone: 'time zone',
  starts_at: 'start',
  load_in_at: 'load-in',
  soundcheck_at: 'soundcheck',
  doors_at: 'doors',
  set_start_at: 'set start',
  set_end_at: 'set end',
  status: 'status',
  fee_cents: 'fee',
  currency: 'currency',
  setlist_id: 'setlist',
  contacts: 'contacts',
  notes: 'notes',
};

function words(zone: string): FieldWords {
  return {
    label: (field) => LABELS[field] ?? field,
    shown: (field, value) => {
      if (field.endsWith('_at') && typeof value === 'string') return formatZonedTime(value, zone);
      if (field === 'fee_cents' && typeof value === 'number') return formatFee(value, null);
      return plainValue(value);
    },
  };
}

export const showConflictMessage = (zone: string) => (conflicts: FieldConflict<string>[]) => messageFor(conflicts, words(zone));
export const showConflictHints = (zone: string, conflicts: FieldConflict<string>[] | undefined) => hintsFor(conflicts, words(zone));

/** The edit form's fields as the row has them, sent as its merge base. */
const BASE_FIELDS = Object.keys(LABELS) as (keyof ShowRow)[];

export function showBase(show: ShowRow): Partial<ShowRow> {
  return Object.fromEntries(BASE_FIELDS.map((field) => [field, show[field]]));
}
