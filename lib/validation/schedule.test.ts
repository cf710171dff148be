import { describe, expect, it } from 'vitest';
import { dateSchema, deviceZone, pgTimestamp, resolveTimes, timeSchema, timeZoneSchema } from './schedule';

const message = (result: { error?: { issues: Array<{ message: string }> } }) => result.error?.issues[0]?.message;

describe('schedule fields', () => {
  it('dates: the shape, then whether the day exists', () => {
    expect(dateSchema.parse(' 2028-02-29 ')).toBe('2028-02-29');
    for (const date of ['2026-02-30', '2027-02-29', '2026-04-31', '2026-13-01', '2026-00-10']) expect(message(dateSchema.safeParse(date)), date).toBe('That date does not exist');
    for (const date of ['2026-2-3', '03/05/2027', '', 'tomorrow']) expect(message(dateSchema.safeParse(date)), date).toBe('Date looks like 2026-12-31');
  });

  it('times: 24-hour HH:mm', () => {
    for (const time of ['00:00', '23:59', ' 21:30 ']) expect(timeSchema.safeParse(time).success, time).toBe(true);
    for (const time of ['25:00', '24:00', '21:60', '9:30', '9pm', '21.30', '']) expect(message(timeSchema.safeParse(time)), time).toBe('Time looks like 21:30 (24-hour)');
  });

  it('zones: IANA city names only', () => {
    for (const zone of ['Europe/Lisbon', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+3']) expect(timeZoneSchema.safeParse(zone).success, zone).toBe(true);
    for (const zone of ['CET', 'UTC+3', 'Mars/Base', 'Mars/Base3', 'Europe/Lisbon+3', 'Etc/GMT+13', 'Etc/GMT+99', 'GMT+1', 'europe/lisbon', '']) {
      expect(message(timeZoneSchema.safeParse(zone)), zone).toBe('Pick a time zone by city, e.g. Europe/Lisbon (not an abbreviation like CET)');
    }
  });

  it('pgTimestamp writes an instant as PostgREST returns it', () => {
    expect(pgTimestamp('2026-12-12T21:00:00.000Z')).toBe('2026-12-12T21:00:00+00:00');
    expect(pgTimestamp('2026-12-12T22:00:00+01:00')).toBe('2026-12-12T21:00:00+00:00');
  });

  it('deviceZone is a zone the form accepts', () => {
    expect(timeZoneSchema.safeParse(deviceZone()).success).toBe(true);
  });
});

describe('resolveTimes', () => {
  it('an evening event: times before 06:00 are the next morning, others the same day', () => {
    const { at, errors } = resolveTimes('2026-12-31', 'Europe/Lisbon', 'starts_at', { starts_at: '21:00', early: '17:00', late: '00:30', dawn: '05:59', none: null });
    expect(errors).toEqual({});
    expect(at).toEqual({
      starts_at: '2026-12-31T21:00:00+00:00',
      early: '2026-12-31T17:00:00+00:00',
      late: '2027-01-01T00:30:00+00:00',
      dawn: '2027-01-01T05:59:00+00:00',
      none: null,
    });
  });

  it('a daytime event never rolls over', () => {
    expect(resolveTimes('2026-12-12', 'UTC', 'starts_at', { starts_at: '11:59', end: '01:00' }).at.end).toBe('2026-12-12T01:00:00+00:00');
  });

  it('a skipped time is null with an error on its own field; the rest resolve', () => {
    const { at, errors } = resolveTimes('2027-03-13', 'America/New_York', 'starts_at', { starts_at: '20:00', end: '02:30', other: '23:00' });
    expect(at).toEqual({ starts_at: '2027-03-14T01:00:00+00:00', end: null, other: '2027-03-14T04:00:00+00:00' });
    expect(errors).toEqual({ end: '02:30 does not exist on 2027-03-14 in America/New_York (the clocks go forward)' });
  });

  it('a repeated time (clocks going back) is its first occurrence', () => {
    // Lisbon falls back on 2026-10-25 at 02:00 → 01:00: 01:30 is 00:30Z (WEST) first.
    expect(resolveTimes('2026-10-24', 'Europe/Lisbon', 'starts_at', { starts_at: '22:00', end: '01:30' }).at.end).toBe('2026-10-25T00:30:00+00:00');
  });
});
