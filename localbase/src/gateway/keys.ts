import type { IncomingHttpHeaders } from 'node:http';
import type { ApiKeys } from '../shared/keys.ts';

/**
 * The Supabase CLI's Kong rewrite of Authorization (`[cli] internal/start/start.go`):
 * a present Authorization that is not `Bearer sb_…` passes through; otherwise the apikey header maps
 * `sb_secret_…` → service_role JWT and `sb_publishable_…` → anon JWT; otherwise the raw apikey (no `Bearer `).
 * The gateway never rejects a request for its key: upstreams decide.
 */
export function rewriteAuthorization(headers: IncomingHttpHeaders, keys: ApiKeys): string | undefined {
  const authorization = single(headers.authorization);
  const apikey = single(headers.apikey);
  if (authorization !== undefined && !authorization.startsWith('Bearer sb_')) return authorization;
  if (apikey === keys.secretKey) return `Bearer ${keys.serviceRoleKey}`;
  if (apikey === keys.publishableKey) return `Bearer ${keys.anonKey}`;
  return apikey;
}

/** The WebSocket route's `QueryToken` rewrite of `?apikey=`. */
export function rewriteQueryApikey(apikey: string | null, keys: ApiKeys): string | null {
  if (apikey === keys.secretKey) return keys.serviceRoleKey;
  if (apikey === keys.publishableKey) return keys.anonKey;
  return apikey;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
