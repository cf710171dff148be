import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

// Wall-clock times in a named IANA zone ↔ instants. A show is stored as an instant (timestamptz) plus the venue's
// zone; everyone sees the venue's wall clock with the zone named, so 21:00 in Lisbon reads "21:00 Lisbon" for a
// member in Berlin too (and, on their device, "22:00 your time" beside it).

/**
 * True for a zone name the platform's Intl knows, e.g. 'Europe/Lisbon' (not 'CET', 'PST', 'UTC+3'). The pattern is
 * public.is_time_zone's: no digits but the real Etc/GMT offsets, or PostgreSQL would take 'Europe/Lisbon+3' as a
 * POSIX zone.
 */
export function isIanaZone(zone: string): boolean {
  if (!/^(UTC|Etc\/GMT([+-](1[0-2]|[1-9])|-1[34])|[A-Z][A-Za-z_-]*(\/[A-Z][A-Za-z_-]*)+)$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type ZonedInstant = { iso: string } | { error: 'invalid' | 'skipped' };

/**
 * 'YYYY-MM-DD' + 'HH:mm' on the wall clock of `zone` → the instant. A time the clocks skip (e.g. 01:30 on the
 * morning Lisbon springs forward) does not exist and is refused; a time that happens twice (clocks going back) is
 * its first occurrence, as calendar apps take it.
 */
export function wallClockToInstant(date: string, time: string, zone: string): ZonedInstant {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time) || !isIanaZone(zone)) return { error: 'invalid' };
  const local = `${date}T${time}:00`;
  const instant = fromZonedTime(local, zone);
  if (Number.isNaN(instant.getTime())) return { error: 'invalid' };
  if (formatInTimeZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ss") !== local) return { error: 'skipped' };
  // fromZonedTime takes the later offset for a repeated hour; an hour earlier is the same wall clock, and first.
  const earlier = new Date(instant.getTime() - 3_600_000);
  const first = formatInTimeZone(earlier, zone, "yyyy-MM-dd'T'HH:mm:ss") === local ? earlier : instant;
  return { iso: first.toISOString() };
}

/** The calendar date of `iso` on the wall clock of `zone`, 'YYYY-MM-DD'. */
export function dateIn(iso: string, zone: string): string {
  return formatInTimeZone(new Date(iso), zone, 'yyyy-MM-dd');
}

/** The wall-clock time of `iso` in `zone`, 'HH:mm' (24-hour, as forms take it). */
export function timeIn(iso: string, zone: string): string {
  return formatInTimeZone(new Date(iso), zone, 'HH:mm');
}

/** The zone's city as people say it: 'Europe/Lisbon' → 'Lisbon', 'America/Argentina/Buenos_Aires' → 'Buenos Aires'. */
export function zoneCity(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

/** 'Sat 12 Dec 2026' for the date of `iso` in `zone`. */
export function formatDate(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** '21:00 Lisbon (WET)': the venue's wall clock with its zone named, the same text on every member's device. */
export function formatZonedTime(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).formatToParts(new Date(iso));
  const clock = parts.filter((part) => part.type === 'hour' || part.type === 'minute').map((part) => part.value).join(':');
  const short = parts.find((part) => part.type === 'timeZoneName')?.value;
  return `${clock} ${zoneCity(zone)}${short ? ` (${short})` : ''}`;
}

/** The same instant on the viewer's clock, when the viewer's zone shows a different wall-clock time; else null. */
export function viewerTime(iso: string, zone: string, viewerZone: string): string | null {
  if (viewerZone === zone || !isIanaZone(viewerZone)) return null;
  const theirs = formatInTimeZone(new Date(iso), viewerZone, 'yyyy-MM-dd HH:mm');
  if (theirs === formatInTimeZone(new Date(iso), zone, 'yyyy-MM-dd HH:mm')) return null;
  const sameDay = dateIn(iso, viewerZone) === dateIn(iso, zone);
  return `${timeIn(iso, viewerZone)}${sameDay ? '' : ` ${formatInTimeZone(new Date(iso), viewerZone, 'EEE')}`} your time`;
}
