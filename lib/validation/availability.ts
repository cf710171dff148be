import { z } from 'zod';
import { dateSchema } from './schedule';
import { optional, uuidSchema } from './song';

// Mirrors the checks of public.availability and public.unavailable_dates (migrations/*_calendar.sql).

/** The note on an answer or an away date ('Might be late'), as the check constraint in SQL. */
export const ANSWER_NOTE_MAX = 200;

export const ANSWERS = ['yes', 'maybe', 'no'] as const;
export const AWAY_SPAN_MAX_DAYS = 366;

export const availabilitySchema = z.object({
  band_id: uuidSchema,
  kind: z.enum(['show', 'practice'], { error: 'The event is a show or a practice' }),
  event_id: uuidSchema,
  answer: z.enum(ANSWERS, { error: 'Answer yes, maybe or no' }),
  note: optional(z.string().trim().max(ANSWER_NOTE_MAX, { error: `A note is at most ${ANSWER_NOTE_MAX} characters` })),
});
export type AvailabilityInput = z.output<typeof availabilitySchema>;

const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export const unavailableSchema = z
  .object({
    id: uuidSchema,
    band_id: uuidSchema,
    starts_on: dateSchema,
    ends_on: dateSchema,
    note: optional(z.string().trim().max(ANSWER_NOTE_MAX, { error: `A note is at most ${ANSWER_NOTE_MAX} characters` })),
  })
  .superRefine((value, context) => {
    const span = days(value.starts_on, value.ends_on);
    if (span < 0) context.addIssue({ code: 'custom', path: ['ends_on'], message: 'The last day must be on or after the first' });
    else if (span > AWAY_SPAN_MAX_DAYS) context.addIssue({ code: 'custom', path: ['ends_on'], message: 'Block at most a year at a time' });
  });
export type UnavailableInput = z.output<typeof unavailableSchema>;

export const unavailableRefSchema = z.object({ id: uuidSchema, band_id: uuidSchema });
