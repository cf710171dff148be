import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { CalendarFeed, FeedPractice, FeedShow } from './feed';
import { feedToIcs } from './ics';
import { vtimezone } from './vtimezone';
import { wallClockToInstant } from './zoned';

// The feed is read back with node-ical, an independent parser: what matters is the instant each app will show.

const ORIGIN = 'https://rock-on.example';
const BAND = { id: '11111111-1111-4111-8111-111111111111', name: 'The Tests' };
let counter = 0;

function at(date: string, time: string, zone: string): string {
  const result = wallClockToInstant(date, time, zone);
  if (!('iso' in result)) throw new Error(`${date} ${time} ${zone}: ${result.error}`);
  return result.iso;
}

function show(fields: Partial<FeedShow> & Pick<FeedShow, 'starts_at' | 'time_zone'>): FeedShow {
  const id = `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  return {
    id, band_id: BAND.id, title: 'Gig', venue_name: null, venue_address: null, load_in_at: null, soundcheck_at: null,
    doors_at: null, set_start_at: null, set_end_at: null, status: 'confirmed', version: 1,
    created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-02T10:00:00Z', ...fields,
  };
}

function practice(fields: Partial<FeedPractice> & Pick<FeedPractice, 'starts_at' | 'ends_at' | 'time_zone'>): FeedPractice {
  const id = `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;
  return { id, band_id: BAND.id, location: null, version: 1, created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-01T10:00:00Z', ...fields };
}

function parse(feed: Partial<CalendarFeed>): { text: string; events: Map<string, VEvent> } {
  const text = feedToIcs({ display_name: 'Ana', bands: [BAND], shows: [], practice_sessions: [], ...feed }, ORIGIN);
  const parsed = ical.sync.parseICS(text);
  const events = new Map(Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT').map((e) => [e.uid, e]));
  return { text, events };
}

/** node-ical gives URL;VALUE=URI as { params, val }. */
function urlOf(event: VEvent): string | undefined {
  const url: unknown = event.url;
  return typeof url === 'object' && url !== null && 'val' in url ? String(url.val) : (url as string | undefined);
}

describe('feedToIcs', () => {
  it('a 21:00 Lisbon show is 21:00 Lisbon on both sides of each daylight-saving change', () => {
    const days = ['2027-03-27', '2027-03-28', '2026-10-24', '2026-10-25'];
    const shows = days.map((day) => show({ starts_at: at(day, '21:00', 'Europe/Lisbon'), time_zone: 'Europe/Lisbon' }));
    const { text, events } = parse({ shows });
    const expected = ['2027-03-27T21:00:00.000Z', '2027-03-28T20:00:00.000Z', '2026-10-24T20:00:00.000Z', '2026-10-25T21:00:00.000Z'];
    shows.forEach((s, i) => {
      const event = events.get(`${s.id}@rock-on`)!;
      expect(event.start.toISOString()).toBe(expected[i]);
      expect(event.start.tz).toBe('Europe/Lisbon');
      // No end given: three hours.
      expect(event.end!.getTime() - event.start.getTime()).toBe(3 * 3_600_000);
    });
    expect(text).toContain('DTSTART;TZID=Europe/Lisbon:20270328T210000');
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Lisbon\r\n/);
  });

  it('a New York show keeps its instant, its end and its schedule on the venue clock', () => {
    const zone = 'America/New_York';
    const s = show({
      title: 'Bowery night', venue_name: 'Bowery Ballroom', venue_address: '6 Delancey St, New York', time_zone: zone, status: 'tentative',
      starts_at: at('2027-03-14', '19:00', zone), load_in_at: at('2027-03-14', '17:00', zone), soundcheck_at: at('2027-03-14', '18:00', zone),
      doors_at: at('2027-03-14', '19:00', zone), set_start_at: at('2027-03-14', '21:30', zone), set_end_at: at('2027-03-14', '23:00', zone),
    });
    const event = parse({ shows: [s] }).events.get(`${s.id}@rock-on`)!;
    // 14 March 2027 is the day New York springs forward: 19:00 EDT is 23:00 UTC.
    expect(event.start.toISOString()).toBe('2027-03-14T23:00:00.000Z');
    expect(event.end!.toISOString()).toBe('2027-03-15T03:00:00.000Z');
    expect(event.summary).toBe('The Tests: Bowery night');
    expect(event.location).toBe('Bowery Ballroom, 6 Delancey St, New York');
    expect(event.status).toBe('TENTATIVE');
    expect(event.description).toContain('Load-in: 17:00\nSoundcheck: 18:00\nDoors: 19:00\nSet: 21:30–23:00');
    expect(event.description).toContain('New York time');
    expect(urlOf(event)).toBe(`${ORIGIN}/bands/${BAND.id}/shows/${s.id}`);
  });

  it('a cancelled show says so in its status and its title', () => {
    const s = show({ title: 'Rained off', status: 'cancelled', starts_at: at('2027-06-05', '20:00', 'Europe/Lisbon'), time_zone: 'Europe/Lisbon' });
    const event = parse({ shows: [s] }).events.get(`${s.id}@rock-on`)!;
    expect(event.status).toBe('CANCELLED');
    expect(event.summary).toBe('The Tests: Rained off (cancelled)');
  });

  it('a practice session is an event with its own zone, place and link', () => {
    const zone = 'Europe/Berlin';
    const p = practice({ starts_at: at('2027-10-31', '18:30', zone), ends_at: at('2027-10-31', '21:00', zone), time_zone: zone, location: 'Proberaum 4' });
    const event = parse({ practice_sessions: [p] }).events.get(`${p.id}@rock-on`)!;
    expect(event.summary).toBe('The Tests: Practice');
    expect(event.start.toISOString()).toBe('2027-10-31T17:30:00.000Z');
    expect(event.end!.toISOString()).toBe('2027-10-31T20:00:00.000Z');
    expect(event.location).toBe('Proberaum 4');
    expect(urlOf(event)).toBe(`${ORIGIN}/bands/${BAND.id}/practice/${p.id}`);
  });

  it('commas, semicolons, backslashes and newlines in text survive the round trip', () => {
    const title = 'Rock; Roll, \\ "Night"';
    const s = show({ title, venue_name: 'Bar, Café; Stage', venue_address: 'Rua A, 1\nLisboa', starts_at: at('2027-05-01', '22:00', 'Europe/Lisbon'), time_zone: 'Europe/Lisbon' });
    const { text, events } = parse({ shows: [s], bands: [{ id: BAND.id, name: 'AC/DC, Jr.; Tribute' }], display_name: 'Zé; Ana' });
    const event = events.get(`${s.id}@rock-on`)!;
    expect(event.summary).toBe(`AC/DC, Jr.; Tribute: ${title}`);
    expect(event.location).toBe('Bar, Café; Stage, Rua A, 1\nLisboa');
    expect(text).toContain('SUMMARY:AC/DC\\, Jr.\\; Tribute: Rock\\; Roll\\, \\\\ "Night"');
    expect(text).toContain('X-WR-CALNAME:Rock-On — Zé; Ana');
  });

  it('a UTC practice is written in UTC; the calendar is named after the member', () => {
    const p = practice({ starts_at: '2027-01-10T18:00:00.000Z', ends_at: '2027-01-10T20:00:00.000Z', time_zone: 'UTC' });
    const { text, events } = parse({ practice_sessions: [p] });
    expect(events.get(`${p.id}@rock-on`)!.start.toISOString()).toBe('2027-01-10T18:00:00.000Z');
    expect(text).toContain('DTSTART:20270110T180000Z');
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('NAME:Rock-On — Ana');
  });
});

describe('vtimezone', () => {
  it("follows the runtime's zone rules: São Paulo has had no summer time since 2019", () => {
    const text = vtimezone('America/Sao_Paulo', new Date('2027-01-01T00:00:00Z'), new Date('2027-12-31T00:00:00Z'))!;
    expect(text).toContain('TZID:America/Sao_Paulo');
    expect(text).not.toContain('BEGIN:DAYLIGHT');
    expect(text).not.toContain('-0200');
  });

  it('names each Lisbon change in 2027 at its local wall clock', () => {
    const text = vtimezone('Europe/Lisbon', new Date('2027-01-01T00:00:00Z'), new Date('2027-12-31T00:00:00Z'))!;
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20271031T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000');
  });

  it('starts in summer time for a span that begins in summer, and names zones Intl has abbreviations for', () => {
    const text = vtimezone('America/New_York', new Date('2027-07-01T00:00:00Z'), new Date('2027-12-01T00:00:00Z'))!;
    expect(text).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:America\/New_York\r\nBEGIN:DAYLIGHT\r\nDTSTART:20270629T200000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\n/);
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20271107T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST');
  });

  it('has nothing for UTC or a name that is not a zone', () => {
    expect(vtimezone('UTC', new Date(), new Date())).toBeNull();
    expect(vtimezone('Mars/Olympus', new Date(), new Date())).toBeNull();
  });
});
