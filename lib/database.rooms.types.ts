// Rows of the live-room tables (supabase/migrations/*_live_rooms.sql), kept in step with the SQL by hand like
// database.types.ts, which assembles them into the Database type.

type Timestamp = string;
type Live = { version: number; created_at: Timestamp; updated_at: Timestamp };

export type RoomKind = 'practice' | 'show';

/** A practice's rehearsal room or a show's stage mode: who leads and which item every screen shows. */
export type LiveRoomRow = Live & {
  id: string;
  band_id: string;
  kind: RoomKind;
  practice_id: string | null;
  show_id: string | null;
  leader_id: string | null;
  /** A practice_items id (practice) or a setlist_items id (show); null before the first item or after it went. */
  item_id: string | null;
  item_started_at: Timestamp | null;
  /** Seconds spent on each item so far, by item id (the current item's running time not yet added). */
  seconds: Record<string, number>;
  moves: number;
  started_at: Timestamp;
  ended_at: Timestamp | null;
};

export type PracticeNoteRow = Live & {
  id: string;
  band_id: string;
  practice_id: string;
  item_id: string | null;
  author_id: string;
  body: string;
};

/** What a practice room stored when it ended (practice_sessions.summary). */
export type PracticeSummary = {
  ended_at: Timestamp;
  items: Array<{ item_id: string; song_id: string; title: string; seconds: number; notes: string[] }>;
};

type Table<Row, Required extends keyof Row> = { Row: Row; Insert: Partial<Row> & Pick<Row, Required>; Update: Partial<Row>; Relationships: [] };

export type RoomTables = {
  live_rooms: Table<LiveRoomRow, 'band_id' | 'kind'>;
  practice_notes: Table<PracticeNoteRow, 'band_id' | 'practice_id' | 'body'>;
};

type Room = { Returns: LiveRoomRow };

export type RoomFunctions = {
  room_open: Room & { Args: { p_kind: RoomKind; p_event_id: string } };
  room_move: Room & { Args: { p_room_id: string; p_item_id: string } };
  room_heartbeat: { Args: { p_room_id: string }; Returns: undefined };
  room_take_lead: Room & { Args: { p_room_id: string } };
  room_hand_lead: Room & { Args: { p_room_id: string; p_to: string } };
  room_end: Room & { Args: { p_room_id: string } };
};
