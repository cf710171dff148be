import { z } from 'zod';

// Mirrors the check constraints in supabase/migrations/*_songs.sql: the form reports a problem field by field
// before the database would refuse the row with one opaque 400.

export const SONG_KEY_PATTERN = /^[A-G][#b]?m?$/;
export const CHART_MAX = 20_000;
export const CHART_TOO_LONG = 'Charts can be up to 20,000 characters';
export const SONG_STATUSES = ['learning', 'ready'] as const;

/** An optional form field: absent, blank or whitespace means "not set", i.e. NULL. */
export function optional<T extends z.ZodType>(schema: T) {
  const blank = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');
  return z.preprocess((value) => (blank(value) ? null : value), schema.nullable());
}

const integerIn = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(max, { error: `${what} must be at most ${max}` });

export const songFieldsSchema = z.object({
  title: z
    .string({ error: 'Title is required' })
    .trim()
    .min(1, { error: 'Title is required' })
    .max(200, { error: 'Title must be at most 200 characters' }),
  artist: optional(z.string().trim().max(200, { error: 'Artist must be at most 200 characters' })),
  key: optional(
    z
      .string()
      .trim()
      .regex(SONG_KEY_PATTERN, { error: 'Key looks like C, F#, Bb, Am or C#m' }),
  ),
  tempo_bpm: optional(integerIn(20, 400, 'Tempo')),
  duration_s: optional(z.preprocess(parseDuration, integerIn(1, 7200, 'Duration'))),
  status: z.enum(SONG_STATUSES, { error: 'Status is learning or ready' }).default('learning'),
  notes: optional(z.string().trim().max(2000, { error: 'Notes must be at most 2000 characters' })),
  // Absent (the song form has no chart field) means "leave the chart alone", so a plain edit never clears it;
  // blank means "no chart". Not trimmed: a chart's leading spaces line chords up.
  chart: z
    .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), z.string().max(CHART_MAX, { error: CHART_TOO_LONG }).nullable())
    .optional(),
});

export type SongFields = z.output<typeof songFieldsSchema>;
export type SongFieldName = keyof SongFields;

export const uuidSchema = z.uuid({ error: 'Not a valid id' });

export const songUpdateSchema = songFieldsSchema.extend({
  id: uuidSchema,
  band_id: uuidSchema,
  // 0: a song added on this device that the server has not answered yet (an offline add edited before it
  // synced); no row has version 0, so the save goes through the three-way merge against the saved row.
  version: z.coerce.number().int().min(0),
});

/**
 * The values the edit started from (the edit form's `base`, JSON of the row's fields), used only for the
 * three-way merge: compared, never written. Malformed or missing means "no base": every field then merges only
 * if both sides ended equal.
 */
const songBaseSchema = z
  .object({
    title: z.string(),
    artist: z.string().nullable(),
    key: z.string().nullable(),
    tempo_bpm: z.number().nullable(),
    duration_s: z.number().nullable(),
    status: z.string(),
    notes: z.string().nullable(),
    chart: z.string().nullable(),
  })
  .partial();

export function parseSongBase(raw: string | undefined): Partial<SongFields> {
  if (!raw) return {};
  try {
    const parsed = songBaseSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as Partial<SongFields>) : {};
  } catch {
    return {};
  }
}

/** `id` is optional: a device that shows the new song before the server answers picks its id itself. */
export const songCreateSchema = songFieldsSchema.extend({ band_id: uuidSchema, id: uuidSchema.optional() });

export const songDeleteSchema = z.object({
  id: uuidSchema,
  band_id: uuidSchema,
  remove_from_setlists: z.literal('yes').optional(),
});

/** "3:45" or "225" (seconds) → seconds; anything else is left for the schema to reject. */
export function parseDuration(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = /^\s*(\d{1,3}):([0-5]\d)\s*$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : value;
}

/** Seconds → "m:ss" for display and for the edit form's initial value. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
