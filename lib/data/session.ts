import { cache } from 'react';
import { redirect } from 'next/navigation';
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

/** The signed-in user, or a redirect to /login (middleware already does this; this covers a race with expiry). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}
