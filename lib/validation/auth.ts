import { z } from 'zod';

// GoTrue's own limits (supabase/auth, internal/api signup and password checks): bcrypt reads 72 bytes; supabase/config.toml sets
// minimum_password_length = 6. Checking here gives a field error instead of a round trip.
export const MIN_PASSWORD_LENGTH = 6;

const email = z.string({ error: 'Email is required' }).trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address' }));

export const signInSchema = z.object({
  email,
  password: z.string({ error: 'Password is required' }).min(1, { error: 'Password is required' }),
});

export const signUpSchema = z.object({
  display_name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, { error: 'Name is required' })
    .max(80, { error: 'Name must be at most 80 characters' }),
  email,
  password: z
    .string({ error: 'Password is required' })
    .min(MIN_PASSWORD_LENGTH, { error: `Password must be at least ${MIN_PASSWORD_LENGTH} characters` })
    .refine((value) => new TextEncoder().encode(value).length <= 72, { error: 'Password must be at most 72 bytes' }),
});

const SAME_ORIGIN_BASE = 'http://local.invalid';
// Browsers and URL parsers strip tab/CR/LF and read `\` as `/`, so `/\t/evil.com` becomes `//evil.com`: any
// whitespace, control character or backslash is refused outright rather than second-guessing the parser.
const UNSAFE_PATH_CHARS = /[\s\p{Cc}\p{Cf}\\]/u;

/** Where to go after signing in: only same-site paths, so ?next= cannot bounce a user to another origin. */
export function safeNextPath(value: FormDataEntryValue | string | null | undefined, fallback = '/bands'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || UNSAFE_PATH_CHARS.test(value)) return fallback;
  // Belt and braces: whatever the string looks like, it must resolve to a path on our own origin.
  try {
    if (new URL(value, SAME_ORIGIN_BASE).origin !== SAME_ORIGIN_BASE) return fallback;
  } catch {
    return fallback;
  }
  return value;
}
