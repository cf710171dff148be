import { tzName, tzOffset, tzScan } from '@date-fns/tz';
import { isIanaZone } from './zoned';

// VTIMEZONE components (RFC 5545 §3.6.5) built from the runtime's own time-zone database (Intl, via @date-fns/tz),
// one observance per offset change in the span the feed covers. Packaged VTIMEZONE sets go stale: the one
// @touch4it/ical-timezones ships is tzdata 2018g, which still has daylight saving in São Paulo (abolished 2019)
// and Mexico City (2022), so an app that trusts the VTIMEZONE (Outlook does) would move those shows by an hour.

const DAY = 86_400_000;

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The local wall clock of `instant` at `offset` minutes, as an iCalendar DATE-TIME without zone. */
function localText(instant: Date, offset: number): string {
  return new Date(instant.getTime() + offset * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', zone: string, at: Date, from: number, to: number): string[] {
  // 'EDT' is worth showing; 'GMT+1' (what Intl gives where it knows no abbreviation, e.g. Lisbon) says nothing.
  const name = tzName(zone, at, 'short');
  const named = name && !/^(GMT|UTC)[+-]/.test(name);
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localText(at, from)}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    ...(named ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE of `zone` covering the instants between `from` and `to` (a day's margin each side), or null for
 * a name that is not an IANA region/city zone.
 */
export function vtimezone(zone: string, from: Date, to: Date): string | null {
  if (zone === 'UTC' || !isIanaZone(zone)) return null;
  const start = new Date(from.getTime() - DAY);
  const end = new Date(to.getTime() + DAY);
  const first = tzOffset(zone, start);
  const changes = tzScan(zone, { start, end });
  // The offset in force at the start: summer time when the first change turns the clocks back.
  const firstKind = changes[0] && changes[0].change < 0 ? 'DAYLIGHT' : 'STANDARD';
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance(firstKind, zone, start, first, first)];
  let previous = first;
  for (const change of changes) {
    // Only a label for people: the offsets say what the clock does, whichever kind a permanent shift is given.
    lines.push(...observance(change.change > 0 ? 'DAYLIGHT' : 'STANDARD', zone, change.date, previous, change.offset));
    previous = change.offset;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
