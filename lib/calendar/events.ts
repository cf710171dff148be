import type { AvailabilityAnswer, AvailabilityRow, PracticeSessionRow, ShowRow, UnavailableDatesRow } from '@/lib/database.types';
import { dateIn } from './zoned';

// Shows and practices as one list of events (home, month view, availability grid), and who is away on an event's
// date. Pure, so the rules are unit-tested.

export type CalendarEvent = {
  kind: 'show' | 'practice';
  id: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  zone: string;
  cancelled: boolean;
  href: string;
};

export function calendarEvents(bandId: string, shows: ShowRow[], practices: PracticeSessionRow[]): CalendarEvent[] {
  const events: CalendarEvent[] = [
    ...shows.map((show) => ({
      kind: 'show' as const,
      id: show.id,
      title: show.title,
      startsAt: show.starts_at,
      endsAt: show.set_end_at,
      zone: show.time_zone,
      cancelled: show.status === 'cancelled',
      href: `/bands/${bandId}/shows/${show.id}`,
    })),
    ...practices.map((practice) => ({
      kind: 'practice' as const,
      id: practice.id,
      title: practice.location ? `Practice · ${practice.location}` : 'Practice',
      startsAt: practice.starts_at,
      endsAt: practice.ends_at,
      zone: practice.time_zone,
      cancelled: false,
      href: `/bands/${bandId}/practice/${practice.id}`,
    })),
  ];
  return events.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : 1));
}

/** Events that have not ended yet (a show without an end counts until 6 h after its start). */
export function upcoming(events: CalendarEvent[], now: number): CalendarEvent[] {
  return events.filter((event) => Date.parse(event.endsAt ?? event.startsAt) + (event.endsAt ? 0 : 6 * 3_600_000) >= now);
}

/** The members (user ids) away on `date` ('YYYY-MM-DD'), each with their note. */
export function awayOn(date: string, away: UnavailableDatesRow[]): UnavailableDatesRow[] {
  return away.filter((range) => range.starts_on <= date && date <= range.ends_on);
}

/** Who is away on the event's date, on the event's own wall clock. */
export function awayFor(event: Pick<CalendarEvent, 'startsAt' | 'zone'>, away: UnavailableDatesRow[]): UnavailableDatesRow[] {
  return awayOn(dateIn(event.startsAt, event.zone), away);
}

export type AnswerCounts = Record<AvailabilityAnswer, number>;

export function answersFor(eventId: string, availability: AvailabilityRow[]): AvailabilityRow[] {
  return availability.filter((row) => row.event_id === eventId);
}

export function countAnswers(rows: AvailabilityRow[]): AnswerCounts {
  const counts: AnswerCounts = { yes: 0, maybe: 0, no: 0 };
  for (const row of rows) counts[row.answer] += 1;
  return counts;
}

/** '3–9 May 2027' / '30 Apr – 2 May 2027' / '12 May 2027' for an away range (dates, no zone involved). */
export function formatRange(from: string, to: string): string {
  const format = (date: string, parts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...parts }).format(new Date(`${date}T00:00:00Z`));
  if (from === to) return format(from, { day: 'numeric', month: 'short', year: 'numeric' });
  if (from.slice(0, 7) === to.slice(0, 7)) return `${format(from, { day: 'numeric' })}–${format(to, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  return `${format(from, { day: 'numeric', month: 'short' })} – ${format(to, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}
