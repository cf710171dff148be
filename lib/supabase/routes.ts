// Where signed-out and signed-in visitors are sent; pure, so the rules are unit-tested.

/** Request header middleware.ts sets to the requested path + query, for layouts that must send a visitor away. */
export const PATH_HEADER = 'x-rock-on-path';

/** The sign-in page, remembering where the visitor was going (only same-site paths; see safeNextPath). */
export function loginPath(requestedPath: string | null | undefined): string {
  if (!requestedPath || !requestedPath.startsWith('/') || requestedPath.startsWith('//')) return '/login';
  return `/login?next=${encodeURIComponent(requestedPath)}`;
}

/** Where a signed-in visitor of /login or /signup goes. */
export const SIGNED_IN_HOME = '/bands';
