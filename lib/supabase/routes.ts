// Which paths need a session and which are for signed-out visitors; pure, so middleware's redirects are unit-tested.

const SIGNED_IN_PREFIXES = ['/bands', '/join'];
const SIGNED_OUT_PATHS = ['/login', '/signup'];

function matches(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Where middleware sends this request, or null to let it through. `/` and assets stay public. */
export function authRedirect(pathname: string, search: string, signedIn: boolean): string | null {
  if (!signedIn && SIGNED_IN_PREFIXES.some((prefix) => matches(pathname, prefix))) {
    return `/login?next=${encodeURIComponent(pathname + search)}`;
  }
  if (signedIn && SIGNED_OUT_PATHS.some((path) => matches(pathname, path))) return '/bands';
  return null;
}
