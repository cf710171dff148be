import bcrypt from 'bcryptjs';
import { badRequest, weakPassword } from './errors.ts';

/** bcrypt only reads 72 bytes, so GoTrue refuses longer passwords rather than silently truncating them. */
export const MAX_PASSWORD_LENGTH = 72;
/** GoTrue's cost (`[gotrue] internal/crypto/password.go`); hashes stay interchangeable with a real Supabase. */
const BCRYPT_COST = 10;

// `[gotrue] validateEmail` checks badoux/checkmail's format (no DNS lookup) and lower-cases the result.
const EMAIL_FORMAT = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export function validateEmail(email: string): string {
  if (email === '') throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL_FORMAT.test(email)) throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  return email.toLowerCase();
}

export interface PasswordWeakness {
  message: string;
  reasons: string[];
}

/** `checkPasswordStrength` with the CLI defaults: only `minimum_password_length`, no character classes, no HIBP. */
export function passwordWeakness(password: string, minimumLength: number): PasswordWeakness | undefined {
  if ([...password].length >= minimumLength) return undefined;
  return { message: `Password should be at least ${minimumLength} characters.`, reasons: ['length'] };
}

/** Throws the exact upstream errors for a password that may not be set (signup, PUT /user, admin update). */
export function assertAcceptablePassword(password: string, minimumLength: number): void {
  if (Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
    throw badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  const weakness = passwordWeakness(password, minimumLength);
  if (weakness) throw weakPassword(weakness.message, weakness.reasons);
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash) return false;
  return bcrypt.compare(password, hash);
}
