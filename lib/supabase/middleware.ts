import { createServerClient } from '@supabase/ssr';
import { NextResponse, type NextRequest } from 'next/server';
import { publicEnv } from '@/lib/env';
import { PATH_HEADER } from './routes';

/**
 * Refreshes the Supabase session cookie on every matched request (the official @supabase/ssr Next.js pattern of
 * the with-supabase example in vercel/next.js): the refreshed cookies go to Server Components through the request
 * and to the browser through the response.
 */
export async function updateSession(request: NextRequest) {
  // Forwarded to Server Components, so a layout that sends a signed-out visitor to /login can say where to return.
  request.headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
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
  await supabase.auth.getClaims();

  // No redirects here: Next 15.5's middleware adapter rewrites a 127.0.0.1 Location to `localhost`
  // (next/dist/server/web/next-url.js REGEX_LOCALHOST_HOSTNAME), which drops the per-host session cookie. The
  // layouts redirect instead (relative Location): app/(app)/layout.tsx and app/(auth)/layout.tsx.

  // IMPORTANT: return supabaseResponse as it is. A new NextResponse must be built with `{ request }` and get
  // supabaseResponse's cookies copied over, or browser and server fall out of sync and the session ends early.
  return supabaseResponse;
}
