import { z } from 'zod';

// GoTrue's own limits (supabase/auth, internal/api signup and password checks): bcrypt reads 72 bytes; supabase/config.toml sets
// minimum_password_length = 6. Checking here gives a field error instead of a round trip.
export const MIN_PASSWORD_LENGTH = 6;
export const MAX_PASSWORD_BYTES = 72;
/** GoTrue's email OTP length (`[auth.email] otp_length`, 6 by default in the Supabase CLI). */
export const OTP_LENGTH = 6;

const email = z.string({ error: 'Email is required' }).trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address' }));

/** A password GoTrue will accept as new: at least the configured length, at most bcrypt's 72 bytes. */
const newPassword = z
  .string({ error: 'Password is required' })
  .min(MIN_PASSWORD_LENGTH, { error: `Password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .refine((value) => new TextEncoder().encode(value).length <= MAX_PASSWORD_BYTES, { error: `Password must be at most ${MAX_PASSWORD_BYTES} bytes` });

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
  password: newPassword,
});

/** One email address: forgot-password and "email me a sign-in link". */
export const emailSchema = z.object({ email });

/** The code from a sign-in mail; spaces are dropped, since mail clients and people group digits. */
export const otpCodeSchema = z.object({
  email,
  token: z
    .string({ error: 'Enter the code from the email' })
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(new RegExp(`^\\d{${OTP_LENGTH}}$`), { error: `The code is ${OTP_LENGTH} digits` })),
});

export const newPasswordSchema = z
  .object({ password: newPassword, confirm: z.string({ error: 'Type the password again' }) })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], error: 'The two passwords are not the same' });

/** The email link types verifyOtp takes with a token_hash (auth-js EmailOtpType). */
export const EMAIL_LINK_TYPES = ['recovery', 'email', 'magiclink', 'signup', 'invite', 'email_change'] as const;
export type EmailLinkType = (typeof EMAIL_LINK_TYPES)[number];

/** The query of a link from an auth mail (/auth/confirm); anything else is a broken link, not a server error. */
export const confirmLinkSchema = z.object({
  token_hash: z.string().min(1).max(512),
  type: z.enum(EMAIL_LINK_TYPES),
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
