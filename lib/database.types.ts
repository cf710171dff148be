// The shape `supabase gen types typescript` produces for supabase/migrations/*; keep the two in step by hand
// until the generator runs in CI. Every client factory is typed with it, so a renamed column fails tsc.

import type { ChartTables } from './charts/database.types';
import type { CalendarTables } from './database.calendar.types';
import type { ChatFunctions, ChatTables } from './database.chat.types';
import type { RoomFunctions, RoomTables } from './database.rooms.types';

export type * from './database.calendar.types';
export type * from './database.chat.types';
export type * from './database.rooms.types';

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

type Timestamp = string;

export type Database = {
  public: {
    Tables: {
      profiles: {
        Row: { id: string; display_name: string; created_at: Timestamp };
        Insert: { id: string; display_name: string; created_at?: Timestamp };
        Update: { id?: string; display_name?: string; created_at?: Timestamp };
        Relationships: [];
      };
      bands: {
        Row: { id: string; name: string; created_by: string | null; created_at: Timestamp; version: number };
        Insert: { id?: string; name: string; created_by?: string | null; created_at?: Timestamp; version?: number };
        Update: { id?: string; name?: string; created_by?: string | null; created_at?: Timestamp; version?: number };
        Relationships: [];
      };
      band_members: {
        Row: { band_id: string; user_id: string; role: BandRole; joined_at: Timestamp; version: number };
        Insert: { band_id: string; user_id: string; role?: BandRole; joined_at?: Timestamp; version?: number };
        Update: { band_id?: string; user_id?: string; role?: BandRole; joined_at?: Timestamp; version?: number };
        Relationships: [];
      };
      band_invites: {
        Row: { id: string; band_id: string; code: string; expires_at: Timestamp; created_by: string; created_at: Timestamp };
        Insert: { id?: string; band_id: string; code?: string; expires_at?: Timestamp; created_by?: string; created_at?: Timestamp };
        Update: { id?: string; band_id?: string; code?: string; expires_at?: Timestamp; created_by?: string; created_at?: Timestamp };
        Relationships: [];
      };
      songs: {
        Row: SongRow;
        Insert: Partial<SongRow> & { band_id: string; title: string };
        Update: Partial<SongRow>;
        Relationships: [];
      };
      song_deletions: {
        Row: { song_id: string; band_id: string; deleted_by: string | null; deleted_at: string };
        // Written only by the songs_record_deletion trigger; RLS gives clients no write policy.
        Insert: { song_id: string; band_id: string; deleted_by?: string | null; deleted_at?: string };
        Update: { deleted_by?: string | null; deleted_at?: string };
        Relationships: [
          {
            foreignKeyName: 'song_deletions_deleted_by_fkey';
            columns: ['deleted_by'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      setlists: {
        Row: SetlistRow;
        Insert: Partial<SetlistRow> & { band_id: string; name: string };
        Update: Partial<SetlistRow>;
        Relationships: [];
      };
      setlist_items: {
        Row: SetlistItemRow;
        Insert: Partial<SetlistItemRow> & { band_id: string; setlist_id: string; kind: SetlistItemKind; position: string };
        Update: Partial<SetlistItemRow>;
        Relationships: [
          {
            foreignKeyName: 'setlist_items_setlist_fkey';
            columns: ['setlist_id', 'band_id'];
            isOneToOne: false;
            referencedRelation: 'setlists';
            referencedColumns: ['id', 'band_id'];
          },
          {
            foreignKeyName: 'setlist_items_song_fkey';
            columns: ['song_id', 'band_id'];
            isOneToOne: false;
            referencedRelation: 'songs';
            referencedColumns: ['id', 'band_id'];
          },
        ];
      };
      calendar_tokens: {
        Row: { user_id: string; token: string; created_at: Timestamp };
        // Written only by regenerate_calendar_token() / revoke_calendar_token(); clients have no write privilege.
        Insert: { user_id: string; token: string; created_at?: Timestamp };
        Update: { token?: string; created_at?: Timestamp };
        Relationships: [];
      };
    } & CalendarTables &
      RoomTables &
      ChartTables &
      ChatTables;
    Views: { [_ in never]: never };
    Functions: {
      create_band: { Args: { band_name: string }; Returns: string };
      join_band: { Args: { invite_code: string }; Returns: string };
      is_band_member: { Args: { p_band_id: string }; Returns: boolean };
      band_role: { Args: { p_band_id: string }; Returns: string | null };
      shares_band: { Args: { p_user_id: string }; Returns: boolean };
      set_member_role: { Args: { p_band_id: string; p_user_id: string; p_role: string }; Returns: undefined };
      /** One row; band_name, invited_by and expires_at only when status is 'valid'. */
      invite_preview: {
        Args: { invite_code: string };
        Returns: Array<{ status: 'valid' | 'expired' | 'unknown'; band_name: string | null; invited_by: string | null; expires_at: string | null; already_member: boolean }>;
      };
      is_band_member_topic: { Args: { p_topic: string }; Returns: boolean };
      remove_song: { Args: { p_song_id: string }; Returns: number };
      duplicate_setlist: { Args: { p_setlist_id: string }; Returns: string };
      is_time_zone: { Args: { p_zone: string }; Returns: boolean };
      regenerate_calendar_token: { Args: Record<PropertyKey, never>; Returns: string };
      revoke_calendar_token: { Args: Record<PropertyKey, never>; Returns: undefined };
      /** null for an unknown, revoked or malformed token; the shape is CalendarFeed (lib/calendar/feed.ts). */
      calendar_feed: { Args: { p_token: string }; Returns: Json };
    } & RoomFunctions &
      ChatFunctions;
    Enums: { [_ in never]: never };
    CompositeTypes: { [_ in never]: never };
  };
};

export type BandRole = 'owner' | 'admin' | 'member';
export type SongStatus = 'learning' | 'ready';

export type SongRow = {
  id: string;
  band_id: string;
  title: string;
  artist: string | null;
  key: string | null;
  tempo_bpm: number | null;
  duration_s: number | null;
  status: SongStatus;
  notes: string | null;
  /** Lyrics with chords in ChordPro. */
  chart?: string | null;
  version: number;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type Song = SongRow;

export type SetlistRow = {
  id: string;
  band_id: string;
  name: string;
  target_duration_s: number | null;
  notes: string | null;
  version: number;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SetlistItemKind = 'song' | 'break' | 'note';

export type SetlistItemRow = {
  id: string;
  band_id: string;
  setlist_id: string;
  kind: SetlistItemKind;
  song_id: string | null;
  /** fractional-indexing order key, compared byte-wise (COLLATE "C"). */
  position: string;
  transpose: number;
  notes: string | null;
  duration_override_s: number | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type Setlist = SetlistRow;
export type SetlistItem = SetlistItemRow;
export type Band = Database['public']['Tables']['bands']['Row'];
export type Profile = Database['public']['Tables']['profiles']['Row'];
export type BandMemberRow = Database['public']['Tables']['band_members']['Row'];
