import { z } from 'zod';

// Mirrors supabase/migrations/*_bands.sql: bands.name 1–80 after trimming; invite codes are 10 hex characters.

export const bandNameSchema = z.object({
  name: z
    .string({ error: 'Band name is required' })
    .trim()
    .min(1, { error: 'Band name is required' })
    .max(80, { error: 'Band name must be at most 80 characters' }),
});

export const INVITE_CODE_PATTERN = /^[0-9A-F]{10}$/;

/** Accepts the code as typed or pasted: any case, spaces, or the whole /join/<code> link. */
export const inviteCodeSchema = z.object({
  code: z
    .string({ error: 'Invite code is required' })
    .transform((value) => value.trim().replace(/^.*\/join\//, '').replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(INVITE_CODE_PATTERN, { error: 'An invite code is 10 letters and digits, like 3FA9C01B7E' })),
});

/**
 * The code in a /join/<code> link. Next.js hands dynamic segments to the page still percent-encoded, so it is
 * decoded once here; a segment that is not valid percent-encoding (a stray `%`) is kept as typed instead of
 * throwing (a 500 page), and then fails validation like any other wrong code.
 */
export function inviteCodeFromLink(segment: string): { code: string; error?: string } {
  let code = segment;
  try {
    code = decodeURIComponent(segment);
  } catch {
    // URIError: malformed escape; keep the raw text.
  }
  const parsed = inviteCodeSchema.safeParse({ code });
  return parsed.success ? { code: parsed.data.code } : { code, error: parsed.error.issues[0]?.message };
}

export const BAND_NAME_MAX = 80;

const bandId = z.uuid({ error: 'Unknown band' });

export const renameBandSchema = bandNameSchema.extend({ band_id: bandId });

/** Deleting needs the band's name typed back; the comparison with the stored name is the server's (trimmed). */
export const deleteBandSchema = z.object({
  band_id: bandId,
  confirm_name: z.string({ error: 'Type the band’s name to confirm' }).trim().min(1, { error: 'Type the band’s name to confirm' }),
});

export const BAND_ROLES = ['owner', 'admin', 'member'] as const;

export const memberRoleSchema = z.object({
  band_id: bandId,
  user_id: z.uuid({ error: 'Unknown member' }),
  role: z.enum(BAND_ROLES, { error: 'A role is owner, admin or member' }),
});

export const memberSchema = memberRoleSchema.pick({ band_id: true, user_id: true });
export const leaveBandSchema = z.object({ band_id: bandId });
