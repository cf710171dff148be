import { createBrowserClient } from '@supabase/ssr';
import type { Database } from '@/lib/database.types';
import { publicEnv } from '@/lib/env';

/** The browser client; @supabase/ssr returns one instance per page, so calling this again is cheap. */
export function createClient() {
  const { supabaseUrl, supabaseKey } = publicEnv();
  return createBrowserClient<Database>(supabaseUrl, supabaseKey);
}

export type BrowserClient = ReturnType<typeof createClient>;
