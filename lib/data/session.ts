import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { loginPath, PATH_HEADER, SIGNED_IN_HOME } from '@/lib/supabase/routes';
import { createClient } from '@/lib/supabase/server';

// Server-only reads (next/headers inside createClient keeps them out of client bundles). cache() dedupes per
// request: a layout and its page asking for the user share one verification.

export type CurrentUser = { id: string; email: string };

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const supabase = await createClient();
  // getClaims() verifies the JWT (locally or via /auth/v1/user for HS256); getSession() would trust the cookie.
  const { data } = await supabase.auth.getClaims();
  const claims = data?.claims;
  if (!claims?.sub) return null;
  return { id: claims.sub, email: typeof claims.email === 'string' ? claims.email : '' };
});

/** The signed-in user, or a redirect to /login?next=<the requested path> (set by middleware.ts). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginPath((await headers()).get(PATH_HEADER)));
  return user;
}

/** For /login and /signup: a signed-in visitor has nothing to do there. */
export async function redirectIfSignedIn(): Promise<void> {
  if (await getCurrentUser()) redirect(SIGNED_IN_HOME);
}
