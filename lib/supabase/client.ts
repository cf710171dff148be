import { createBrowserClient } from '@supabase/ssr';
import { publicEnv } from '@/lib/env';

/** The browser client; @supabase/ssr returns one instance per page, so calling this again is cheap. */
export function createClient() {
  const { supabaseUrl, supabaseKey } = publicEnv();
  return createBrowserClient(supabaseUrl, supabaseKey);
}
