import { createServerClient } from '@supabase/ssr';
import { NextResponse, type NextRequest } from 'next/server';
import { publicEnv } from '@/lib/env';
import { authRedirect } from './routes';

/**
 * Refreshes the Supabase session cookie on every matched request (the official @supabase/ssr Next.js pattern,
 * ../shared/specs/auth-rest-gateway.md B.3): the refreshed cookies go to Server Components through the request
 * and to the browser through the response.
 */
export async function updateSession(request: NextRequest) {
  let supabaseResponse = NextResponse.next({ request });
  const { supabaseUrl, supabaseKey } = publicEnv();

  // Create a new client per request; never keep it in a global.
  const supabase = createServerClient(supabaseUrl, supabaseKey, {
    cookies: {
      getAll() {
        return request.cookies.getAll();
      },
      setAll(cookiesToSet) {
        cookiesToSet.forEach(({ name, value }) => request.cookies.set(name, value));
        supabaseResponse = NextResponse.next({ request });
        cookiesToSet.forEach(({ name, value, options }) => supabaseResponse.cookies.set(name, value, options));
      },
    },
  });

  // Do not run code between createServerClient and supabase.auth.getClaims(). A simple mistake could make it
  // very hard to debug issues with users being randomly logged out.
  // IMPORTANT: getClaims() is what refreshes an expiring session; without it users get logged out at random.
  const { data } = await supabase.auth.getClaims();

  const { pathname, search } = request.nextUrl;
  const target = authRedirect(pathname, search, Boolean(data?.claims?.sub));
  if (target) {
    const url = request.nextUrl.clone();
    const [path, query = ''] = target.split('?');
    url.pathname = path!;
    url.search = query ? `?${query}` : '';
    const redirect = NextResponse.redirect(url);
    // Keep any cookies getClaims() refreshed, or the browser keeps a refresh token that was just rotated away.
    supabaseResponse.cookies.getAll().forEach((cookie) => redirect.cookies.set(cookie));
    return redirect;
  }

  // IMPORTANT: return supabaseResponse as it is. A new NextResponse must be built with `{ request }` and get
  // supabaseResponse's cookies copied over, or browser and server fall out of sync and the session ends early.
  return supabaseResponse;
}
