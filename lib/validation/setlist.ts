import { z } from 'zod';
import { isOrderKey } from '@/lib/order/keys';
import { optional, uuidSchema } from './song';

// Mirrors the checks in supabase/migrations/*_setlists.sql, so a problem is reported on its field before the
// database would refuse the row.

export const SETLIST_NAME_MAX = 120;
export const ITEM_NOTES_MAX = 500;
export const BREAK_NAME_MAX = 60;
export const ITEM_KINDS = ['song', 'break', 'note'] as const;

/**
 * A set or break length as musicians write it: "45" (minutes), "45:00" (m:ss) or "1:30:00" (h:mm:ss) → seconds;
 * anything else is left for the schema to refuse.
 */
export function parseLength(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (/^\d{1,3}$/.test(text)) return Number(text) * 60;
  const match = /^(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)$/.exec(text);
  if (!match) return value;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

const seconds = (min: number, max: number, what: string) =>
  z.preprocess(
    parseLength,
    z.coerce
      .number({ error: `${what} looks like 45:00 or 1:30:00` })
      .int({ error: `${what} looks like 45:00 or 1:30:00` })
      .min(min, { error: `${what} must be at least ${Math.round(min / 60)} min` })
      .max(max, { error: `${what} must be at most ${Math.round(max / 60)} min` }),
  );

export const setlistFieldsSchema = z.object({
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, { error: 'Name is required' })
    .max(SETLIST_NAME_MAX, { error: `Name must be at most ${SETLIST_NAME_MAX} characters` }),
  target_duration_s: optional(seconds(60, 36_000, 'Target length')),
  notes: optional(z.string().trim().max(2000, { error: 'Notes must be at most 2000 characters' })),
});
export type SetlistFieldName = keyof z.output<typeof setlistFieldsSchema>;
export type SetlistFields = z.output<typeof setlistFieldsSchema>;

const setlistBaseSchema = z.object({ name: z.string(), target_duration_s: z.number().nullable(), notes: z.string().nullable() }).partial();

/** The details form's `base` (JSON of the values it opened with), for the three-way merge only; bad means none. */
export function parseSetlistBase(raw: string | undefined): Partial<SetlistFields> {
  try {
    const parsed = setlistBaseSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? (parsed.data as Partial<SetlistFields>) : {};
  } catch {
    return {};
  }
}

export const setlistCreateSchema = setlistFieldsSchema.extend({ band_id: uuidSchema, id: uuidSchema.optional() });
export const setlistUpdateSchema = setlistFieldsSchema.extend({ id: uuidSchema, band_id: uuidSchema, version: z.coerce.number().int().min(1) });
export const setlistRefSchema = z.object({ id: uuidSchema, band_id: uuidSchema });

export const positionSchema = z.string().refine(isOrderKey, { error: 'Not a valid position' });
export const transposeSchema = z.coerce
  .number({ error: 'Transpose is a number of semitones' })
  .int({ error: 'Transpose is a whole number of semitones' })
  .min(-11, { error: 'Transpose is between −11 and +11 semitones' })
  .max(11, { error: 'Transpose is between −11 and +11 semitones' });

const itemBase = { id: uuidSchema, band_id: uuidSchema, setlist_id: uuidSchema, position: positionSchema };

/** A new item: a song of the band's library, a break (its length, the next set's name) or a note. */
export const itemCreateSchema = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('song'), song_id: uuidSchema }),
  z.object({ ...itemBase, kind: z.literal('break'), notes: optional(z.string().trim().max(BREAK_NAME_MAX, { error: `A set name is at most ${BREAK_NAME_MAX} characters` })), duration_override_s: optional(seconds(0, 7200, 'Break length')) }),
  z.object({ ...itemBase, kind: z.literal('note'), notes: z.string().trim().min(1, { error: 'Write the note' }).max(ITEM_NOTES_MAX, { error: `A note is at most ${ITEM_NOTES_MAX} characters` }) }),
]);
export type ItemCreate = z.output<typeof itemCreateSchema>;

/** One field of an item, as the editor's controls change them one at a time (no version check: see the action). */
export const itemPatchSchema = z.object({
  id: uuidSchema,
  band_id: uuidSchema,
  patch: z
    .object({
      position: positionSchema,
      transpose: transposeSchema,
      notes: optional(z.string().trim().max(ITEM_NOTES_MAX, { error: `Notes are at most ${ITEM_NOTES_MAX} characters` })),
      duration_override_s: optional(seconds(0, 7200, 'Length')),
    })
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, { error: 'Nothing to change' }),
});
export type ItemPatch = z.output<typeof itemPatchSchema>['patch'];
