import type pg from 'pg';
import type { LocalbaseConfig } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/context.ts';
import { issuerFor } from './claims.ts';

/** What every auth endpoint needs; built once from the ServiceContext so tests can swap the clock. */
export interface AuthDeps {
  pool: pg.Pool;
  auth: LocalbaseConfig['auth'];
  clock: Clock;
  issuer: string;
  /** GoTrue's `GOTRUE_JWT_AUD`; the CLI never changes it. */
  audience: string;
  log(line: string): void;
}

export function authDeps(context: ServiceContext): AuthDeps {
  return {
    pool: context.adminPool,
    auth: context.config.auth,
    clock: context.clock,
    issuer: issuerFor(context.config.api.externalUrl),
    audience: 'authenticated',
    log: context.log,
  };
}

export const now = (deps: AuthDeps): Date => new Date(deps.clock.nowMs());
