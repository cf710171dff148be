'use server';

import { z } from 'zod';
import { createClient } from '@/lib/supabase/server';
import { describeDbError, type FormState } from './state';

/** `token` is the member's current feed token after the action: a new one, the same one, or null (turned off). */
export type CalendarFeedState = FormState & { token: string | null };

const intentSchema = z.enum(['create', 'regenerate', 'revoke']);

/** Creates, replaces or turns off the caller's calendar link; the database keys it to the signed-in user. */
export async function changeCalendarLink(previous: CalendarFeedState, formData: FormData): Promise<CalendarFeedState> {
  const intent = intentSchema.safeParse(formData.get('intent'));
  if (!intent.success) return { token: previous.token, errors: { form: 'Unknown action.' } };

  const supabase = await createClient();
  if (intent.data === 'revoke') {
    const { error } = await supabase.rpc('revoke_calendar_token');
    if (error) return { token: previous.token, errors: { form: describeDbError(error, 'turn off the calendar link') } };
    return { token: null };
  }
  const { data, error } = await supabase.rpc('regenerate_calendar_token');
  if (error) return { token: previous.token, errors: { form: describeDbError(error, 'make a calendar link') } };
  return { token: data };
}
