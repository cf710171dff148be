'use server';

import { getCurrentUser } from '@/lib/data/session';
import { createClient } from '@/lib/supabase/server';
import { fieldErrors } from '@/lib/validation/form';
import { learnStatusSchema } from '@/lib/validation/practice';
import { describeDbError, type LearnStatusResult } from './state';

/**
 * Sets the signed-in member's learn status for one song (new / learning / ready). Whose status it is comes from
 * the session, never from the input; RLS refuses any other row anyway. One row per (song, member), so a repeat
 * or an offline replay is the same upsert.
 */
export async function setLearnStatus(input: unknown): Promise<LearnStatusResult> {
  const parsed = learnStatusSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: Object.values(fieldErrors(parsed.error))[0] } };
  const user = await getCurrentUser();
  if (!user) return { status: 'invalid', errors: { form: 'Your session has expired. Sign in again.' } };
  const supabase = await createClient();
  const { data, error } = await supabase
    .from('learn_status')
    .upsert({ ...parsed.data, user_id: user.id }, { onConflict: 'song_id,user_id' })
    .select('*')
    .single();
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'set your learn status') } };
  return { status: 'saved', row: data };
}
