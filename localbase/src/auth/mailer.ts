import { readFileSync } from 'node:fs';
import { now, type AuthDeps } from './deps.ts';
import { AuthError } from './errors.ts';
import { renderTemplate, TemplateError } from './mail-template.ts';

/** The template names of `[auth.email.template.<name>]` (GoTrue's template types). */
export type MailKind = 'recovery' | 'magic_link' | 'confirmation' | 'invite' | 'email_change';

/** The `type` a mailed link carries to /verify. */
const LINK_TYPE: Record<MailKind, string> = {
  recovery: 'recovery',
  magic_link: 'magiclink',
  confirmation: 'signup',
  invite: 'invite',
  email_change: 'email_change',
};

// GoTrue's default subjects and headings/link labels (`[gotrue] internal/mailer/templatemailer`), which apps and
// tests look for; a project overrides them with `[auth.email.template.<name>]`.
const DEFAULTS: Record<MailKind, { subject: string; body: string }> = {
  invite: {
    subject: "You've been invited",
    body: `<h2>You've been invited</h2>\n\n<p>You've been invited to create an account. Follow this link to accept:</p>\n<p><a href="{{ .ConfirmationURL }}">Accept invitation</a></p>`,
  },
  confirmation: {
    subject: 'Confirm your email address',
    body: `<h2>Confirm your email address</h2>\n\n<p>Follow this link to confirm your address and finish signing up:</p>\n<p><a href="{{ .ConfirmationURL }}">Confirm email address</a></p>\n`,
  },
  recovery: {
    subject: 'Reset your password',
    body: `<h2>Reset your password</h2>\n\n<p>Someone asked to reset the password of this account. Follow this link to choose a new one:</p>\n<p><a href="{{ .ConfirmationURL }}">Reset password</a></p>\n<p>If it was not you, ignore this email.</p>`,
  },
  magic_link: {
    subject: 'Your sign-in link',
    body: `<h2>Your sign-in link</h2>\n\n<p>Follow this link to sign in. It expires soon and works once.</p>\n<p><a href="{{ .ConfirmationURL }}">Sign in</a></p>`,
  },
  email_change: {
    subject: 'Confirm your new email address',
    body: `<h2>Confirm your new email address</h2>\n\n<p>Follow this link to make {{ .NewEmail }} the address of your account:</p>\n<p><a href="{{ .ConfirmationURL }}">Confirm new email address</a></p>\n<p>If you did not ask for this change, ignore this email.</p>`,
  },
};

/** Go's url.QueryEscape: `encodeURIComponent` plus `!'()*`, and a space as `+`. */
export function queryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** `encodeRedirectURL`: a redirect holding `&`, `=` or `#` was not encoded by the caller, so it is encoded here. */
function encodeRedirect(redirect: string): string {
  return /[&=#]/.test(redirect) ? queryEscape(redirect) : redirect;
}

export interface MailRequest {
  kind: MailKind;
  to: string;
  /** The address the account has (`{{ .Email }}`); for email_change also `{{ .NewEmail }}`. */
  email: string;
  newEmail?: string;
  otp: string;
  /** Stored hash, `pkce_`-prefixed for PKCE flows: it is what the link's `token` carries. */
  tokenHash: string;
  redirectTo: string;
  userMetadata: Record<string, unknown>;
}

function templateSource(deps: AuthDeps, kind: MailKind): { subject: string; body: string } {
  const custom = deps.auth.email.templates[kind];
  let body = DEFAULTS[kind].body;
  if (custom?.contentPath) {
    try {
      // Read on every mail: the CLI runs GoTrue with template reloading, so an edited file applies at once.
      body = readFileSync(custom.contentPath, 'utf8');
    } catch (error) {
      throw new AuthError(500, 'unexpected_failure', `Error reading mail template ${custom.contentPath}: ${(error as Error).message}`);
    }
  }
  return { subject: custom?.subject ?? DEFAULTS[kind].subject, body };
}

/**
 * Renders a mail as GoTrue's template mailer does and hands it to the mail catcher. The global `email_sent` limit is
 * checked first; with `[inbucket] enabled = false` nothing is delivered (GoTrue without SMTP uses a no-op client).
 */
export function sendMail(deps: AuthDeps, mail: MailRequest): void {
  deps.limits.checkEmail(deps.clock.nowMs());
  const confirmationUrl = `${deps.issuer}/verify?token=${queryEscape(mail.tokenHash)}&type=${LINK_TYPE[mail.kind]}&redirect_to=${encodeRedirect(mail.redirectTo)}`;
  const data = {
    SiteURL: deps.auth.siteUrl,
    ConfirmationURL: confirmationUrl,
    Email: mail.email,
    NewEmail: mail.newEmail ?? '',
    Token: mail.otp,
    TokenHash: mail.tokenHash,
    Data: mail.userMetadata,
    RedirectTo: mail.redirectTo,
    SendingTo: mail.to,
  };
  const source = templateSource(deps, mail.kind);
  let subject: string;
  let html: string;
  try {
    subject = renderTemplate(source.subject, data, { escape: false });
    html = renderTemplate(source.body, data);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    throw new AuthError(500, 'unexpected_failure', `Error rendering the ${mail.kind} mail template: ${error.message}`);
  }
  if (!deps.mail.enabled) return;
  deps.mail.mailbox.deliver({ from: deps.mail.from, to: mail.to, subject, html }, now(deps));
}
