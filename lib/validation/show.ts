import { z } from 'zod';
import { SHOW_STATUSES } from '@/lib/database.calendar.types';
import type { ShowRow } from '@/lib/database.types';
import { fieldErrors, type FieldErrors } from './form';
import { dateSchema, resolveTimes, timeSchema, timeZoneSchema } from './schedule';
import { optional, uuidSchema } from './song';

// Mirrors the checks of public.shows (supabase/migrations/*_calendar.sql). The form's time fields carry the row's
// column names but hold wall-clock 'HH:mm' on the show's date in the venue's zone; they become instants here.

export { SHOW_STATUSES };
export const SHOW_TIMES = ['starts_at', 'load_in_at', 'soundcheck_at', 'doors_at', 'set_start_at', 'set_end_at'] as const;
export type ShowTime = (typeof SHOW_TIMES)[number];
export const FEE_MAX = 10_000_000;

const text = (max: number, what: string) => optional(z.string().trim().max(max, { error: `${what} must be at most ${max} characters` }));

/**
 * '250', '250.5', '1 250,50' → cents; a negative, 1e12 or words get a message the musician can act on. Any number
 * of digits is read so that 100000000 is told the limit, not the format; '−' is the minus some keyboards type.
 */
export const feeSchema = optional(
  z
    .string()
    .trim()
    .refine((value) => !/^[-\u2212]/.test(value), { error: 'A fee cannot be negative' })
    .transform((value) => value.replace(/[\s']/g, '').replace(',', '.'))
    .refine((value) => /^\d+(\.\d{1,2})?$/.test(value), { error: 'Fee looks like 250 or 250.50' })
    .transform((value) => Math.round(Number(value) * 100))
    .refine((cents) => cents <= FEE_MAX * 100, { error: `A fee is at most ${FEE_MAX.toLocaleString('en')}` }),
);

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code), { error: 'Currency is a code like EUR, GBP or USD' });

const showInputSchema = z.object({
  title: z.string({ error: 'Title is required' }).trim().min(1, { error: 'Title is required' }).max(120, { error: 'Title must be at most 120 characters' }),
  venue_name: text(120, 'Venue'),
  venue_address: text(300, 'Address'),
  time_zone: timeZoneSchema,
  date: dateSchema,
  starts_at: timeSchema,
  load_in_at: optional(timeSchema),
  soundcheck_at: optional(timeSchema),
  doors_at: optional(timeSchema),
  set_start_at: optional(timeSchema),
  set_end_at: optional(timeSchema),
  status: z.enum(SHOW_STATUSES, { error: 'Status is tentative, confirmed or cancelled' }).default('tentative'),
  fee_cents: feeSchema,
  currency: currencySchema.default('EUR'),
  setlist_id: optional(uuidSchema),
  contacts: text(1000, 'Contacts'),
  notes: text(2000, 'Notes'),
});

export type ShowFields = Omit<ShowRow, 'id' | 'band_id' | 'version' | 'created_by' | 'created_at' | 'updated_at'>;
export type ShowFieldName = keyof z.input<typeof showInputSchema>;

/** Which time must come after which (the later one carries the error), as the table's checks say. */
const ORDER: [ShowTime, ShowTime, string][] = [
  ['load_in_at', 'soundcheck_at', 'Soundcheck must be at or after load-in'],
  ['soundcheck_at', 'doors_at', 'Doors must be at or after soundcheck'],
  ['doors_at', 'set_start_at', 'The set must start at or after doors'],
];

/** The submitted show form → the row's fields, or errors per field (nothing is half-parsed). */
export function parseShowFields(values: Record<string, unknown>): { fields: ShowFields } | { errors: FieldErrors<ShowFieldName | 'form'> } {
  const parsed = showInputSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const { date, ...input } = parsed.data;
  const times = Object.fromEntries(SHOW_TIMES.map((name) => [name, input[name]])) as Record<ShowTime, string | null>;
  const { at, errors } = resolveTimes(date, input.time_zone, 'starts_at', times);
  const after = (a: string | null, b: string | null, strict: boolean) => !a || !b || (strict ? b > a : b >= a);
  for (const [earlier, later, message] of ORDER) if (!after(at[earlier], at[later], false)) errors[later] ??= message;
  if (!after(at.set_start_at ?? at.starts_at, at.set_end_at, true)) errors.set_end_at ??= 'The set must end after it starts';
  const set = Object.values(at).filter((value): value is string => value !== null).map((value) => Date.parse(value));
  const errs: FieldErrors<ShowFieldName | 'form'> = errors;
  if (Math.max(...set) - Math.min(...set) > 24 * 3_600_000) errs.form ??= 'Load-in to the end of the set must be within 24 hours';
  if (Object.keys(errs).length) return { errors: errs };
  return { fields: { ...input, starts_at: at.starts_at!, load_in_at: at.load_in_at, soundcheck_at: at.soundcheck_at, doors_at: at.doors_at, set_start_at: at.set_start_at, set_end_at: at.set_end_at } };
}

export const showRefSchema = z.object({ id: uuidSchema, band_id: uuidSchema });
export const showKeySchema = showRefSchema.extend({ version: z.coerce.number().int().min(0) });

const showBaseSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** The edit form's `base` (JSON of the row's fields it opened with), for the three-way merge only; bad means none. */
export function parseShowBase(raw: string | undefined): Partial<ShowFields> {
  try {
    const parsed = showBaseSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? (parsed.data as Partial<ShowFields>) : {};
  } catch {
    return {};
  }
}
