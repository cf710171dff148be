// Rows of the calendar tables (supabase/migrations/*_calendar.sql), kept in step with the SQL by hand like
// database.types.ts, which assembles them into the Database type.

import type { PracticeSummary } from './database.rooms.types';

type Timestamp = string;
/** A calendar date, 'YYYY-MM-DD'. */
type DateOnly = string;

type Live = { version: number; created_at: Timestamp; updated_at: Timestamp };

/** The one value here: validation, the feed and the forms list the statuses from it, in this order. */
export const SHOW_STATUSES = ['tentative', 'confirmed', 'cancelled'] as const;
export type ShowStatus = (typeof SHOW_STATUSES)[number];

export type ShowRow = Live & {
  id: string;
  band_id: string;
  title: string;
  venue_name: string | null;
  venue_address: string | null;
  /** The venue's IANA zone: every time of the show is shown in it, named. */
  time_zone: string;
  starts_at: Timestamp;
  load_in_at: Timestamp | null;
  soundcheck_at: Timestamp | null;
  doors_at: Timestamp | null;
  set_start_at: Timestamp | null;
  set_end_at: Timestamp | null;
  status: ShowStatus;
  /** Minor units (cents). */
  fee_cents: number | null;
  currency: string;
  setlist_id: string | null;
  contacts: string | null;
  notes: string | null;
  created_by: string | null;
};

export type PracticeSessionRow = Live & {
  id: string;
  band_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  location: string | null;
  notes: string | null;
  created_by: string | null;
  /** Stored by the practice room when it ends (PracticeSummary, database.rooms.types.ts). */
  summary: PracticeSummary | null;
};

export type PracticeItemRow = Live & {
  id: string;
  band_id: string;
  session_id: string;
  song_id: string;
  /** fractional-indexing order key, compared byte-wise (COLLATE "C"), as setlist items. */
  position: string;
  goal: string | null;
};

export type LearnState = 'new' | 'learning' | 'ready';
export type LearnStatusRow = Live & { song_id: string; user_id: string; band_id: string; status: LearnState };

export type AvailabilityAnswer = 'yes' | 'maybe' | 'no';
export type AvailabilityRow = Live & {
  /** The show's or the practice's id; (event_id, user_id) is the key. */
  event_id: string;
  user_id: string;
  band_id: string;
  show_id: string | null;
  practice_id: string | null;
  answer: AvailabilityAnswer;
  note: string | null;
};

export type UnavailableDatesRow = Live & {
  id: string;
  band_id: string;
  user_id: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  note: string | null;
};

type Fk = { foreignKeyName: string; columns: string[]; isOneToOne: false; referencedRelation: string; referencedColumns: string[] };
type Table<Row, Required extends keyof Row, Relationships extends Fk[] = []> = {
  Row: Row;
  Insert: Partial<Row> & Pick<Row, Required>;
  Update: Partial<Row>;
  Relationships: Relationships;
};

export type CalendarTables = {
  shows: Table<ShowRow, 'band_id' | 'title' | 'time_zone' | 'starts_at'>;
  practice_sessions: Table<PracticeSessionRow, 'band_id' | 'starts_at' | 'ends_at' | 'time_zone'>;
  practice_items: Table<PracticeItemRow, 'band_id' | 'session_id' | 'song_id' | 'position'>;
  learn_status: Table<LearnStatusRow, 'band_id' | 'song_id' | 'status'>;
  availability: Table<AvailabilityRow, 'band_id' | 'event_id' | 'answer'>;
  unavailable_dates: Table<UnavailableDatesRow, 'band_id' | 'starts_on' | 'ends_on'>;
};
