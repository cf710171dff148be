import type pg from 'pg';
import type { LocalbaseConfig } from '../config.ts';
import type { MailAddress, Mailbox } from '../mail/mailbox.ts';
import type { Clock } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/context.ts';
import { issuerFor } from './claims.ts';
import { AuthRateLimits } from './rate-limit.ts';

/** What every auth endpoint needs; built once from the ServiceContext so tests can swap the clock. */
export interface AuthDeps {
  pool: pg.Pool;
  auth: LocalbaseConfig['auth'];
  clock: Clock;
  issuer: string;
  /** GoTrue's `GOTRUE_JWT_AUD`; the CLI never changes it. */
  audience: string;
  /** `[auth.rate_limit]` state: in memory, like GoTrue's limiters, so a restart starts them afresh. */
  limits: AuthRateLimits;
  /** Where mail goes: the catcher's mailbox, sent as `[inbucket] sender_name <admin_email>` like the CLI's SMTP. */
  mail: { enabled: boolean; mailbox: Mailbox; from: MailAddress };
  log(line: string): void;
}

export function authDeps(context: ServiceContext): AuthDeps {
  const { inbucket } = context.config;
  return {
    pool: context.adminPool,
    auth: context.config.auth,
    clock: context.clock,
    issuer: issuerFor(context.config.api.externalUrl),
    audience: 'authenticated',
    limits: new AuthRateLimits(context.config.auth.rateLimit, context.clock.nowMs()),
    mail: { enabled: inbucket.enabled, mailbox: context.mailbox, from: { Name: inbucket.senderName, Address: inbucket.adminEmail } },
    log: context.log,
  };
}

export const now = (deps: AuthDeps): Date => new Date(deps.clock.nowMs());
