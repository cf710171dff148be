// Rows and functions of band chat (supabase/migrations/*_chat.sql), kept in step with the SQL by hand like
// database.types.ts, which assembles them into the Database type.

type Timestamp = string;
type Live = { version: number; created_at: Timestamp; updated_at: Timestamp };

/** One chat message; about at most one song, setlist or show of its band. Never hard-deleted. */
export type MessageRow = Live & {
  id: string;
  band_id: string;
  author_id: string;
  /** '' once deleted. */
  body: string;
  song_id: string | null;
  setlist_id: string | null;
  show_id: string | null;
  /** Set by the server when the body changed (and on deletion). */
  edited_at: Timestamp | null;
  /** Set by the server when the author deleted it (send any timestamp to delete). */
  deleted_at: Timestamp | null;
};

/** 'band' (the band chat) or '<kind>:<item id>' (an item's thread). */
export type ChatThread = 'band' | `${'song' | 'setlist' | 'show'}:${string}`;

/** A member's read marker for one thread; read_at only moves forward. */
export type ChatReadRow = Live & {
  user_id: string;
  band_id: string;
  thread: ChatThread;
  read_at: Timestamp;
};

type Table<Row, Required extends keyof Row> = { Row: Row; Insert: Partial<Row> & Pick<Row, Required>; Update: Partial<Row>; Relationships: [] };

export type ChatTables = {
  messages: Table<MessageRow, 'band_id' | 'body'>;
  chat_reads: Table<ChatReadRow, 'band_id' | 'thread' | 'read_at'>;
};

export type ChatFunctions = {
  /** The 'band' row always; item threads only with unread messages; each count capped at 100. */
  chat_unread: { Args: { p_band: string }; Returns: Array<{ thread: ChatThread; unread: number }> };
  chat_mark_read: { Args: { p_band: string; p_thread: ChatThread; p_read_at?: Timestamp }; Returns: ChatReadRow };
};
