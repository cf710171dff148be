import type { AvailabilityRow, LearnStatusRow, PracticeItemRow, PracticeSessionRow, ShowRow, UnavailableDatesRow } from '@/lib/database.types';
import { compareItems } from '@/lib/order/keys';
import { compareBytes } from '@/lib/compare';
import { defineLiveTable } from '../definition';

// The calendar's live tables. Timestamps compare as instants (PostgREST's text form may carry any offset).

const byInstant = (a: string, b: string) => Date.parse(a) - Date.parse(b);

export const showsTable = defineLiveTable<ShowRow>({
  table: 'shows',
  key: ['id'],
  compare: (a, b) => byInstant(a.starts_at, b.starts_at) || compareBytes(a.id, b.id),
});

export const practiceSessionsTable = defineLiveTable<PracticeSessionRow>({
  table: 'practice_sessions',
  key: ['id'],
  compare: (a, b) => byInstant(a.starts_at, b.starts_at) || compareBytes(a.id, b.id),
});

/** The agenda in fractional-key order, as setlist items. */
export const practiceItemsTable = defineLiveTable<PracticeItemRow>({ table: 'practice_items', key: ['id'], compare: compareItems });

export const learnStatusTable = defineLiveTable<LearnStatusRow>({
  table: 'learn_status',
  key: ['song_id', 'user_id'],
  compare: (a, b) => compareBytes(a.song_id, b.song_id) || compareBytes(a.user_id, b.user_id),
});

export const availabilityTable = defineLiveTable<AvailabilityRow>({
  table: 'availability',
  key: ['event_id', 'user_id'],
  compare: (a, b) => compareBytes(a.event_id, b.event_id) || compareBytes(a.user_id, b.user_id),
});

export const unavailableDatesTable = defineLiveTable<UnavailableDatesRow>({
  table: 'unavailable_dates',
  key: ['id'],
  compare: (a, b) => compareBytes(a.starts_on, b.starts_on) || compareBytes(a.id, b.id),
});

/** The row this device shows for one it is adding, before the server has answered (version 0: never saved). */
export function draftRow<Row extends { version: number; created_at: string; updated_at: string }>(fields: Omit<Row, 'version' | 'created_at' | 'updated_at'>): Row {
  const now = new Date().toISOString();
  return { ...fields, version: 0, created_at: now, updated_at: now } as Row;
}
