import { describe, expect, it } from 'vitest';
import type { UnavailableDatesRow } from '@/lib/database.types';
import { awayFor, formatRange, upcoming, type CalendarEvent } from './events';

const away = (starts_on: string, ends_on: string, user_id = 'sam') => ({ id: `${user_id}-${starts_on}`, band_id: 'b', user_id, starts_on, ends_on, note: null, version: 1, created_at: '', updated_at: '' }) as UnavailableDatesRow;
const event = (startsAt: string, zone: string, endsAt: string | null = null): CalendarEvent => ({ kind: 'show', id: startsAt, title: 't', startsAt, endsAt, zone, cancelled: false, href: '' });

describe('calendar events', () => {
  it('finds who is away on the event date on the venue wall clock, edges included', () => {
    const tour = [away('2027-05-03', '2027-05-09')];
    expect(awayFor(event('2027-05-03T19:00:00Z', 'Europe/Lisbon'), tour)).toHaveLength(1);
    expect(awayFor(event('2027-05-09T19:00:00Z', 'Europe/Lisbon'), tour)).toHaveLength(1);
    expect(awayFor(event('2027-05-10T19:00:00Z', 'Europe/Lisbon'), tour)).toHaveLength(0);
    // 23:30 UTC on 9 May is already 10 May in Berlin: not on the tour any more.
    expect(awayFor(event('2027-05-09T23:30:00Z', 'Europe/Berlin'), tour)).toHaveLength(0);
    // 02:00 UTC on 3 May is still 2 May in New York.
    expect(awayFor(event('2027-05-03T02:00:00Z', 'America/New_York'), tour)).toHaveLength(0);
  });

  it('keeps events that have not ended', () => {
    const now = Date.parse('2027-05-03T12:00:00Z');
    const events = [event('2027-05-02T19:00:00Z', 'UTC', '2027-05-02T21:00:00Z'), event('2027-05-03T08:00:00Z', 'UTC'), event('2027-05-04T19:00:00Z', 'UTC')];
    expect(upcoming(events, now).map((e) => e.startsAt)).toEqual(['2027-05-03T08:00:00Z', '2027-05-04T19:00:00Z']);
  });

  it('writes date ranges as people do', () => {
    expect(formatRange('2027-05-03', '2027-05-09')).toBe('3–9 May 2027');
    expect(formatRange('2027-04-30', '2027-05-02')).toBe('30 Apr – 2 May 2027');
    expect(formatRange('2027-05-12', '2027-05-12')).toBe('12 May 2027');
  });
});
