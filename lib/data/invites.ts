import type { Database } from '@/lib/database.types';
import { createClient } from '@/lib/supabase/server';

export type InvitePreview = Database['public']['Functions']['invite_preview']['Returns'][number];

/** What an invite code leads to, before joining (invite_preview: nothing but a status for a wrong or expired code). */
export async function getInvitePreview(code: string): Promise<InvitePreview | null> {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc('invite_preview', { invite_code: code }).maybeSingle();
  if (error) {
    console.error(`Previewing an invite failed: ${error.code} ${error.message}`);
    return null;
  }
  return data;
}
