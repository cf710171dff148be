import { TZDate } from '@date-fns/tz';
import ical, { ICalEventStatus, type ICalEventData } from 'ical-generator';
import type { CalendarFeed, FeedPractice, FeedShow } from './feed';
import { vtimezone } from './vtimezone';
import { formatDate, timeIn, zoneCity } from './zoned';

// A user's feed (public.calendar_feed) as an RFC 5545 calendar for Google, Apple and Outlook to subscribe to.
// Each event carries its venue's zone (TZID + VTIMEZONE), so a show at 21:00 in Lisbon stays 21:00 Lisbon in
// every app, on either side of a daylight-saving change.

const SHOW_HOURS_WITHOUT_END = 3;
const STATUS: Record<FeedShow['status'], ICalEventStatus> = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

type Timed = { id: string; time_zone: string; start: string; end: string };

/** A Date that ical-generator writes as the wall clock of `zone` (TZDate keeps the instant and the zone). */
function zoned(iso: string, zone: string | undefined): Date {
  return zone ? new TZDate(new Date(iso).getTime(), zone) : new Date(iso);
}

function showEnd(show: FeedShow): string {
  return show.set_end_at ?? new Date(Date.parse(show.starts_at) + SHOW_HOURS_WITHOUT_END * 3_600_000).toISOString();
}

/** Load-in, soundcheck, doors and the set on the venue's clock, with the zone named once. */
export function showSchedule(show: FeedShow): string {
  const zone = show.time_zone;
  const at = (iso: string | null) => (iso ? timeIn(iso, zone) : null);
  const set = at(show.set_start_at);
  const rows: [string, string | null][] = [
    ['Load-in', at(show.load_in_at)],
    ['Soundcheck', at(show.soundcheck_at)],
    ['Doors', at(show.doors_at)],
    ['Set', set && show.set_end_at ? `${set}–${at(show.set_end_at)}` : set],
  ];
  const lines = rows.filter(([, time]) => time).map(([label, time]) => `${label}: ${time}`);
  if (lines.length === 0) lines.push(`Starts: ${at(show.starts_at)}`);
  return [`${formatDate(show.starts_at, zone)}, ${zoneCity(zone)} time`, ...lines].join('\n');
}

function showEvent(show: FeedShow, band: string, origin: string): ICalEventData {
  const url = `${origin}/bands/${show.band_id}/shows/${show.id}`;
  const venue = [show.venue_name, show.venue_address].filter(Boolean).join(', ');
  const status = show.status === 'tentative' ? ['Not confirmed yet.'] : show.status === 'cancelled' ? ['Cancelled.'] : [];
  return {
    id: `${show.id}@rock-on`,
    // Some apps ignore STATUS on subscribed calendars; the title says "cancelled" so nobody drives to the venue.
    summary: `${band}: ${show.title}${show.status === 'cancelled' ? ' (cancelled)' : ''}`,
    location: venue || null,
    status: STATUS[show.status],
    description: [...status, showSchedule(show), '', `Open in Rock-On: ${url}`].join('\n'),
    url,
    sequence: Math.max(show.version - 1, 0),
    created: new Date(show.created_at),
    lastModified: new Date(show.updated_at),
    stamp: new Date(show.updated_at),
    start: show.starts_at,
    end: showEnd(show),
  };
}

function practiceEvent(practice: FeedPractice, band: string, origin: string): ICalEventData {
  const url = `${origin}/bands/${practice.band_id}/practice/${practice.id}`;
  return {
    id: `${practice.id}@rock-on`,
    summary: `${band}: Practice`,
    location: practice.location || null,
    description: `Open in Rock-On: ${url}`,
    url,
    sequence: Math.max(practice.version - 1, 0),
    created: new Date(practice.created_at),
    lastModified: new Date(practice.updated_at),
    stamp: new Date(practice.updated_at),
    start: practice.starts_at,
    end: practice.ends_at,
  };
}

/** The span each zone's events cover, so each VTIMEZONE holds just the offset changes that matter. */
function zoneSpans(events: Timed[]): Map<string, { from: Date; to: Date }> {
  const spans = new Map<string, { from: Date; to: Date }>();
  for (const event of events) {
    const start = new Date(event.start);
    const end = new Date(event.end);
    const span = spans.get(event.time_zone);
    if (!span) spans.set(event.time_zone, { from: start, to: end });
    else spans.set(event.time_zone, { from: start < span.from ? start : span.from, to: end > span.to ? end : span.to });
  }
  return spans;
}

/** The feed as iCalendar text; `origin` (e.g. https://rock-on.example) makes each event link back to the app. */
export function feedToIcs(feed: CalendarFeed, origin: string): string {
  const bandNames = new Map(feed.bands.map((band) => [band.id, band.name]));
  const events = [
    ...feed.shows.map((show) => ({ time_zone: show.time_zone, data: showEvent(show, bandNames.get(show.band_id) ?? 'Band', origin) })),
    ...feed.practice_sessions.map((practice) => ({ time_zone: practice.time_zone, data: practiceEvent(practice, bandNames.get(practice.band_id) ?? 'Band', origin) })),
  ];
  const spans = zoneSpans(events.map(({ time_zone, data }) => ({ id: String(data.id), time_zone, start: String(data.start), end: String(data.end) })));
  const zones = new Map([...spans].map(([zone, span]) => [zone, vtimezone(zone, span.from, span.to)]));

  const calendar = ical({
    name: feed.display_name ? `Rock-On — ${feed.display_name}` : 'Rock-On',
    prodId: { company: 'Rock-On', product: 'Calendar feed', language: 'EN' },
    // A hint (X-PUBLISHED-TTL / REFRESH-INTERVAL); each app decides how often it really polls.
    ttl: 3600,
    timezone: { name: null, generator: (zone) => zones.get(zone) ?? null },
  });
  for (const { time_zone, data } of events) {
    // A zone without a VTIMEZONE (UTC, or a name the runtime does not know) is written as UTC: the same instant.
    const zone = zones.get(time_zone) ? time_zone : undefined;
    calendar.createEvent({ ...data, timezone: zone ?? null, start: zoned(String(data.start), zone), end: zoned(String(data.end), zone) });
  }
  return calendar.toString();
}
