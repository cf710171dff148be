import { z } from 'zod';

// A member's own transposition of a song's chart (capo, transposing instrument): −11..+11 semitones, as in SQL.

export const OFFSET_MIN = -11;
export const OFFSET_MAX = 11;
const OFFSET_WORDS = 'An offset is a whole number from −11 to +11';

export const chartOffsetSchema = z.object({
  bandId: z.uuid({ error: 'Not a valid id' }),
  songId: z.uuid({ error: 'Not a valid id' }),
  semitones: z
    .number({ error: OFFSET_WORDS })
    .int({ error: OFFSET_WORDS })
    .min(OFFSET_MIN, { error: OFFSET_WORDS })
    .max(OFFSET_MAX, { error: OFFSET_WORDS }),
});

/** Keeps a typed or stepped value in −11..+11; says so in words when it had to. */
export function clampOffset(value: number): { semitones: number; message?: string } {
  if (!Number.isFinite(value)) return { semitones: 0, message: OFFSET_WORDS };
  const whole = Math.trunc(value);
  const semitones = Math.min(OFFSET_MAX, Math.max(OFFSET_MIN, whole));
  return semitones === value ? { semitones } : { semitones, message: `${OFFSET_WORDS}; using ${semitones > 0 ? '+' : ''}${semitones}.` };
}
