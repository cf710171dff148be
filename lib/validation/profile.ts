import { z } from 'zod';

// Mirrors supabase/migrations/*_profiles.sql: display_name is 1–80 characters (stored trimmed here, so a name of
// spaces is refused rather than saved blank-looking).
export const DISPLAY_NAME_MAX = 80;

export const profileSchema = z.object({
  display_name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, { error: 'Name is required' })
    .max(DISPLAY_NAME_MAX, { error: `Name must be at most ${DISPLAY_NAME_MAX} characters` }),
});
