import { SignJWT } from 'jose';
import type { LocalbaseConfig } from '../config.ts';

/** Hard-coded local opaque keys of the Supabase CLI (`[cli] pkg/config/apikeys.go`). */
export const DEFAULT_PUBLISHABLE_KEY = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
export const DEFAULT_SECRET_KEY = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

/** The CLI signs its API keys with this fixed payload shape, so the default secret yields the well-known keys. */
const API_KEY_ISSUER = 'supabase-demo';
const API_KEY_EXPIRY = 1983812996;

export interface ApiKeys {
  anonKey: string;
  serviceRoleKey: string;
  publishableKey: string;
  secretKey: string;
  jwtSecret: string;
}

export async function mintApiKeyJwt(role: 'anon' | 'service_role', jwtSecret: string): Promise<string> {
  return new SignJWT({ iss: API_KEY_ISSUER, role, exp: API_KEY_EXPIRY })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(jwtSecret));
}

export async function apiKeys(config: LocalbaseConfig): Promise<ApiKeys> {
  const { jwtSecret } = config.auth;
  return {
    anonKey: await mintApiKeyJwt('anon', jwtSecret),
    serviceRoleKey: await mintApiKeyJwt('service_role', jwtSecret),
    publishableKey: DEFAULT_PUBLISHABLE_KEY,
    secretKey: DEFAULT_SECRET_KEY,
    jwtSecret,
  };
}
