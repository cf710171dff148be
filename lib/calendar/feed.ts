import { z } from 'zod';
import { SHOW_STATUSES } from '@/lib/database.calendar.types';

// What public.calendar_feed(token) returns (supabase/migrations/*_calendar_feed.sql), checked at the edge: the
// route turns it into iCalendar text, and a shape it does not expect is a server error, not a half-built feed.

const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { error: 'not a timestamp' });
const nullableInstant = instant.nullable();

const showSchema = z.object({
  id: z.string(),
  band_id: z.string(),
  title: z.string(),
  venue_name: z.string().nullable(),
  venue_address: z.string().nullable(),
  time_zone: z.string(),
  starts_at: instant,
  load_in_at: nullableInstant,
  soundcheck_at: nullableInstant,
  doors_at: nullableInstant,
  set_start_at: nullableInstant,
  set_end_at: nullableInstant,
  status: z.enum(SHOW_STATUSES),
  version: z.number().int(),
  created_at: instant,
  updated_at: instant,
});

const practiceSchema = z.object({
  id: z.string(),
  band_id: z.string(),
  starts_at: instant,
  ends_at: instant,
  time_zone: z.string(),
  location: z.string().nullable(),
  version: z.number().int(),
  created_at: instant,
  updated_at: instant,
});

export const calendarFeedSchema = z.object({
  display_name: z.string().nullable(),
  bands: z.array(z.object({ id: z.string(), name: z.string() })),
  shows: z.array(showSchema),
  practice_sessions: z.array(practiceSchema),
});

export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
export type FeedShow = z.infer<typeof showSchema>;
export type FeedPractice = z.infer<typeof practiceSchema>;

/** A feed token as regenerate_calendar_token() makes them; anything else is not worth a database round trip. */
export const FEED_TOKEN = /^[0-9a-f]{64}$/;

/** The path of a token's feed, `/calendar/<token>.ics`. */
export function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}
