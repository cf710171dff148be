import { createClient } from '@/lib/supabase/server';

/** The signed-in member's calendar feed token, or null when they have none (RLS shows only their own row). */
export async function getMyCalendarToken(): Promise<string | null> {
  const supabase = await createClient();
  const { data, error } = await supabase.from('calendar_tokens').select('token').maybeSingle();
  if (error) throw new Error(`Could not load your calendar link: ${error.message}`);
  return data?.token ?? null;
}
