import { describe, expect, it } from 'vitest';
import { dateIn, formatZonedTime, isIanaZone, timeIn, viewerTime, wallClockToInstant } from './zoned';

describe('wall-clock times in a venue zone', () => {
  it('turns 21:00 in Lisbon into the right instant in winter (UTC+0) and summer (UTC+1)', () => {
    expect(wallClockToInstant('2026-12-12', '21:00', 'Europe/Lisbon')).toEqual({ iso: '2026-12-12T21:00:00.000Z' });
    expect(wallClockToInstant('2026-07-04', '21:00', 'Europe/Lisbon')).toEqual({ iso: '2026-07-04T20:00:00.000Z' });
  });

  it('crosses the spring-forward night: the same wall clock is an hour less of UTC offset before than after', () => {
    // Europe/Berlin springs forward on 2027-03-28 at 02:00 → 03:00.
    expect(wallClockToInstant('2027-03-27', '21:00', 'Europe/Berlin')).toEqual({ iso: '2027-03-27T20:00:00.000Z' });
    expect(wallClockToInstant('2027-03-28', '21:00', 'Europe/Berlin')).toEqual({ iso: '2027-03-28T19:00:00.000Z' });
  });

  it('refuses a time the clocks skip, and takes the first of a time that happens twice', () => {
    expect(wallClockToInstant('2027-03-28', '02:30', 'Europe/Berlin')).toEqual({ error: 'skipped' });
    // Clocks go back on 2026-10-25 at 03:00 → 02:00 in Berlin: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET).
    expect(wallClockToInstant('2026-10-25', '02:30', 'Europe/Berlin')).toEqual({ iso: '2026-10-25T00:30:00.000Z' });
    // New York's repeated hour is 01:00–02:00 on 2026-11-01.
    expect(wallClockToInstant('2026-11-01', '01:30', 'America/New_York')).toEqual({ iso: '2026-11-01T05:30:00.000Z' });
  });

  it('refuses what is not a date, a time or an IANA zone', () => {
    expect(wallClockToInstant('2026-13-40', '21:00', 'Europe/Lisbon')).toEqual({ error: 'invalid' });
    expect(wallClockToInstant('2026-12-12', '25:00', 'Europe/Lisbon')).toEqual({ error: 'invalid' });
    for (const zone of ['CET', 'PST', 'UTC+3', 'Mars/Olympus_Mons', '', 'europe/lisbon']) expect(isIanaZone(zone), zone).toBe(false);
    for (const zone of ['UTC', 'Europe/Lisbon', 'America/Argentina/Buenos_Aires', 'Etc/GMT+3']) expect(isIanaZone(zone), zone).toBe(true);
  });

  it('shows the venue wall clock with the zone named, and the viewer their own clock beside it', () => {
    const show = '2026-07-04T20:00:00.000Z'; // 21:00 in Lisbon
    expect(formatZonedTime(show, 'Europe/Lisbon')).toBe('21:00 Lisbon (WEST)');
    expect(timeIn(show, 'Europe/Lisbon')).toBe('21:00');
    expect(viewerTime(show, 'Europe/Lisbon', 'Europe/Berlin')).toBe('22:00 your time');
    expect(viewerTime(show, 'Europe/Lisbon', 'Europe/Lisbon')).toBeNull();
    expect(viewerTime(show, 'Europe/Lisbon', 'Europe/London')).toBeNull(); // same wall clock
    expect(viewerTime(show, 'Europe/Lisbon', 'Asia/Tokyo')).toBe('05:00 Sun your time');
    expect(dateIn('2026-07-04T23:30:00.000Z', 'Europe/Lisbon')).toBe('2026-07-05');
  });
});
