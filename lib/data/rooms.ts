import type { LiveRoomRow, PracticeNoteRow, RoomKind } from '@/lib/database.types';
import { createClient } from '@/lib/supabase/server';
import { rows } from './calendar';

// A practice's or a show's room and a practice's notes, read under the user's RLS (a non-member gets nothing).

export type RoomData = { rooms: LiveRoomRow[]; notes: PracticeNoteRow[] };

export async function getRoomData(bandId: string, kind: RoomKind, eventId: string): Promise<RoomData> {
  const supabase = await createClient();
  const column = kind === 'practice' ? 'practice_id' : 'show_id';
  const [rooms, notes] = await Promise.all([
    rows(supabase.from('live_rooms').select('*').eq('band_id', bandId).eq(column, eventId), 'the room'),
    kind === 'practice' ? rows(supabase.from('practice_notes').select('*').eq('band_id', bandId).eq('practice_id', eventId), 'practice notes') : [],
  ]);
  return { rooms: rooms as LiveRoomRow[], notes };
}
