import type { LiveRoomRow, PracticeNoteRow } from '@/lib/database.types';
import { compareBytes } from '@/lib/compare';
import { defineLiveTable } from '../definition';

// The live rooms' tables: the room row (who leads, which item every screen shows) and the notes of a practice.

export const liveRoomsTable = defineLiveTable<LiveRoomRow>({ table: 'live_rooms', key: ['id'], compare: (a, b) => compareBytes(a.id, b.id) });

/** Notes oldest first, as a conversation reads. */
export const practiceNotesTable = defineLiveTable<PracticeNoteRow>({
  table: 'practice_notes',
  key: ['id'],
  compare: (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || compareBytes(a.id, b.id),
});
