import { z } from 'zod';
import type { PracticeSessionRow } from '@/lib/database.types';
import { fieldErrors, type FieldErrors } from './form';
import { dateSchema, resolveTimes, timeSchema, timeZoneSchema } from './schedule';
import { positionSchema } from './setlist';
import { optional, uuidSchema } from './song';

// Mirrors the checks of public.practice_sessions, practice_items and learn_status (migrations/*_calendar.sql).

export const LEARN_STATES = ['new', 'learning', 'ready'] as const;
export const GOAL_MAX = 200;

const practiceInputSchema = z.object({
  date: dateSchema,
  starts_at: timeSchema,
  ends_at: timeSchema,
  time_zone: timeZoneSchema,
  location: optional(z.string().trim().max(200, { error: 'Location must be at most 200 characters' })),
  notes: optional(z.string().trim().max(2000, { error: 'Notes must be at most 2000 characters' })),
});

export type PracticeFields = Pick<PracticeSessionRow, 'starts_at' | 'ends_at' | 'time_zone' | 'location' | 'notes'>;
export type PracticeFieldName = keyof z.input<typeof practiceInputSchema>;

/** The submitted practice form → the row's fields; an end before the start is an error on the end. */
export function parsePracticeFields(values: Record<string, unknown>): { fields: PracticeFields } | { errors: FieldErrors<PracticeFieldName | 'form'> } {
  const parsed = practiceInputSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const { date, starts_at, ends_at, ...rest } = parsed.data;
  const { at, errors } = resolveTimes(date, rest.time_zone, 'starts_at', { starts_at, ends_at });
  const errs: FieldErrors<PracticeFieldName | 'form'> = errors;
  if (at.starts_at && at.ends_at && at.ends_at <= at.starts_at) errs.ends_at ??= 'The end must be after the start';
  if (Object.keys(errs).length) return { errors: errs };
  return { fields: { ...rest, starts_at: at.starts_at!, ends_at: at.ends_at! } };
}

export const practiceRefSchema = z.object({ id: uuidSchema, band_id: uuidSchema });
export const practiceKeySchema = practiceRefSchema.extend({ version: z.coerce.number().int().min(0) });

export const goalSchema = optional(z.string().trim().max(GOAL_MAX, { error: `A goal is at most ${GOAL_MAX} characters` }));

export const agendaItemCreateSchema = z.object({
  id: uuidSchema,
  band_id: uuidSchema,
  session_id: uuidSchema,
  song_id: uuidSchema,
  position: positionSchema,
  goal: goalSchema,
});
const agendaItemRef = { id: uuidSchema, band_id: uuidSchema };

/** One change to an agenda item: its place or its goal. Strict, so a bad position is refused, never read as "no goal". */
export const agendaItemPatchSchema = z.union(
  [z.strictObject({ ...agendaItemRef, position: positionSchema }), z.strictObject({ ...agendaItemRef, goal: goalSchema })],
  { error: 'Not a valid change' },
);
export type AgendaPatch = { position: string } | { goal: string | null };

/** The details form's `base` (JSON of the values it opened with), for the three-way merge only; bad means none. */
export function parsePracticeBase(raw: string | undefined): Partial<PracticeFields> {
  const schema = z.object({ starts_at: z.string(), ends_at: z.string(), time_zone: z.string(), location: z.string().nullable(), notes: z.string().nullable() }).partial();
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export const learnStatusSchema = z.object({
  band_id: uuidSchema,
  song_id: uuidSchema,
  status: z.enum(LEARN_STATES, { error: 'Learn status is new, learning or ready' }),
});
