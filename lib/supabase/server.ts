import { createServerClient } from '@supabase/ssr';
import { cookies } from 'next/headers';
import type { Database } from '@/lib/database.types';
import { publicEnv } from '@/lib/env';

/**
 * A server client bound to this request's cookies. Never keep it in a module global: create one per request,
 * inside the function that uses it, so one user's session can never serve another's request. `readOnlyCookies`
 * reads the session but writes no cookie back.
 */
export async function createClient({ readOnlyCookies = false }: { readOnlyCookies?: boolean } = {}) {
  const cookieStore = await cookies();
  const { supabaseUrl, supabaseKey } = publicEnv();

  return createServerClient<Database>(supabaseUrl, supabaseKey, {
    cookies: {
      getAll() {
        return cookieStore.getAll();
      },
      setAll(cookiesToSet) {
        // For a server action whose caller updates the browser's session itself (see signOutEverywhere).
        if (readOnlyCookies) return;
        try {
          cookiesToSet.forEach(({ name, value, options }) => cookieStore.set(name, value, options));
        } catch {
          // The `setAll` method was called from a Server Component, which cannot set cookies.
          // This can be ignored because middleware.ts (updateSession) refreshes user sessions.
        }
      },
    },
  });
}
