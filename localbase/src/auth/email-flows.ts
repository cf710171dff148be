import type { Db } from './db.ts';
import { now, type AuthDeps } from './deps.ts';
import { sendMail, type MailKind } from './mailer.ts';
import { generateOtp, storeToken, tokenHash, withFlowPrefix, type OneTimeTokenType } from './one-time-tokens.ts';
import { assertSendFrequency } from './rate-limit.ts';
import type { UserRow } from './user-json.ts';

/** What a mailed flow needs beyond the user: PKCE or implicit, and the already-validated redirect. */
export interface FlowOptions {
  pkce: boolean;
  redirectTo: string;
}

/**
 * The shared shape of `sendPasswordRecovery`, `sendMagicLink` and `sendConfirmation` (`[gotrue] internal/api/mail.go`):
 * resend interval per user and kind, a fresh code, the mail, then the stored hash. Magic links reuse the recovery
 * token and its timer, as upstream does ("a magic link is just a recovery with a different template").
 */
async function sendTokenMail(deps: AuthDeps, db: Db, user: UserRow, kind: MailKind, type: OneTimeTokenType, sentAt: Date | null, options: FlowOptions): Promise<void> {
  assertSendFrequency(sentAt, deps.auth.email.maxFrequencySeconds, deps.clock.nowMs());
  const email = user.email ?? '';
  const otp = generateOtp(deps.auth.email.otpLength);
  const hash = withFlowPrefix(tokenHash(email, otp), options.pkce);
  sendMail(deps, { kind, to: email, email, otp, tokenHash: hash, redirectTo: options.redirectTo, userMetadata: user.raw_user_meta_data ?? {} });
  await storeToken(db, user.id, type, email, hash, now(deps));
}

export const sendRecovery = (deps: AuthDeps, db: Db, user: UserRow, options: FlowOptions) =>
  sendTokenMail(deps, db, user, 'recovery', 'recovery_token', user.recovery_sent_at, options);

export const sendMagicLink = (deps: AuthDeps, db: Db, user: UserRow, options: FlowOptions) =>
  sendTokenMail(deps, db, user, 'magic_link', 'recovery_token', user.recovery_sent_at, options);

export const sendConfirmation = (deps: AuthDeps, db: Db, user: UserRow, options: FlowOptions) =>
  sendTokenMail(deps, db, user, 'confirmation', 'confirmation_token', user.confirmation_sent_at, options);

/**
 * `sendEmailChange` to the new address only: `[auth.email] double_confirm_changes` (a second mail to the current
 * address) is not mirrored, so one confirmation completes the change.
 */
export async function sendEmailChange(deps: AuthDeps, db: Db, user: UserRow, newEmail: string, options: FlowOptions): Promise<void> {
  assertSendFrequency(user.email_change_sent_at, deps.auth.email.maxFrequencySeconds, deps.clock.nowMs());
  const otp = generateOtp(deps.auth.email.otpLength);
  const hash = withFlowPrefix(tokenHash(newEmail, otp), options.pkce);
  sendMail(deps, {
    kind: 'email_change',
    to: newEmail,
    email: user.email ?? '',
    newEmail,
    otp,
    tokenHash: hash,
    redirectTo: options.redirectTo,
    userMetadata: user.raw_user_meta_data ?? {},
  });
  await db.query('update auth.users set email_change = $2 where id = $1', [user.id, newEmail]);
  await storeToken(db, user.id, 'email_change_token_new', newEmail, hash, now(deps));
}
