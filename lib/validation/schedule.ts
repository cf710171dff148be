import { z } from 'zod';
import { isIanaZone, wallClockToInstant } from '@/lib/calendar/zoned';
import type { FieldErrors } from './form';

// Event times as a musician types them: a date, then 24-hour times on the venue's wall clock. A time before 06:00
// on an evening event (one starting at 12:00 or later) is the night after ("set ends 00:30"); everything else is
// on the event's date. The instants are written as PostgREST returns timestamptz, so a saved value and a typed one
// compare equal in the three-way merge.

export const dateSchema = z
  .string({ error: 'Date is required' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date looks like 2026-12-31' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'That date does not exist',
  });

export const timeSchema = z
  .string({ error: 'Time is required' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Time looks like 21:30 (24-hour)' });

export const timeZoneSchema = z
  .string({ error: 'Time zone is required' })
  .trim()
  .refine(isIanaZone, { error: 'Pick a time zone by city, e.g. Europe/Lisbon (not an abbreviation like CET)' });

/** '2026-12-12T21:00:00+00:00', the form PostgREST gives a timestamptz in a UTC session. */
export function pgTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * Resolves named wall-clock times of one event to timestamps; `first` is the event's own start. Unset times stay
 * null; a time the clocks skip that day is an error on its field.
 */
export function resolveTimes<Name extends string>(
  date: string,
  zone: string,
  first: NoInfer<Name>,
  times: Record<Name, string | null>,
): { at: Record<Name, string | null>; errors: FieldErrors<Name> } {
  const evening = (times[first] ?? '') >= '12:00';
  const at = {} as Record<Name, string | null>;
  const errors: FieldErrors<Name> = {};
  for (const [name, time] of Object.entries(times) as [Name, string | null][]) {
    if (!time) {
      at[name] = null;
      continue;
    }
    const day = evening && name !== first && time < '06:00' ? nextDay(date) : date;
    const instant = wallClockToInstant(day, time, zone);
    if ('iso' in instant) at[name] = pgTimestamp(instant.iso);
    else {
      at[name] = null;
      errors[name] = instant.error === 'skipped' ? `${time} does not exist on ${day} in ${zone} (the clocks go forward)` : 'Not a valid time';
    }
  }
  return { at, errors };
}

/** The browser's zone, for a new event's default; UTC where it is unknown (on the server). */
export function deviceZone(): string {
  const zone = typeof Intl === 'undefined' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isIanaZone(zone) ? zone : 'UTC';
}
