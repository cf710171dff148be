'use server';

import { AGENDA_ITEMS, positionTaken, withFreePosition } from '@/lib/order/free-position';
import { createClient } from '@/lib/supabase/server';
import { fieldErrors } from '@/lib/validation/form';
import { agendaItemCreateSchema, agendaItemPatchSchema, practiceRefSchema, type AgendaPatch } from '@/lib/validation/practice';
import { describeDbError, type AgendaItemResult } from './state';

// A practice's agenda, changed one control at a time (a drag, a goal) as setlist items are: each write sets only
// what it changes and is not version-checked, so two bandmates changing different items both keep their change.

const GONE = 'This agenda item was removed by a bandmate.';

export async function addAgendaItem(input: unknown): Promise<AgendaItemResult> {
  const parsed = agendaItemCreateSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: Object.values(fieldErrors(parsed.error))[0] } };
  const supabase = await createClient();
  const { data, error } = await withFreePosition(supabase, AGENDA_ITEMS, parsed.data.session_id, parsed.data.position, (position) =>
    supabase.from('practice_items').insert({ ...parsed.data, position }).select('*').single(),
  );
  if (error?.code === '23505' && error.message.includes('practice_items_pkey')) {
    // The same add sent twice (a retry after a lost answer): the first one was saved.
    const { data: saved } = await supabase.from('practice_items').select('*').eq('id', parsed.data.id).maybeSingle();
    if (saved) return { status: 'saved', row: saved };
  }
  if (error || !data) return { status: 'invalid', errors: { form: describeDbError(error!, 'add to the agenda') } };
  return { status: 'saved', row: data };
}

export async function patchAgendaItem(input: unknown): Promise<AgendaItemResult> {
  const parsed = agendaItemPatchSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: Object.values(fieldErrors(parsed.error))[0] ?? 'Not a valid change' } };
  const { id, band_id: bandId, ...patch } = parsed.data;
  const supabase = await createClient();
  const update = (changes: AgendaPatch) => supabase.from('practice_items').update(changes).eq('id', id).eq('band_id', bandId).select('*');
  let { data, error } = await update(patch);
  if (positionTaken(AGENDA_ITEMS, error) && 'position' in patch) {
    const { data: item } = await supabase.from('practice_items').select('session_id').eq('id', id).maybeSingle();
    if (!item) return { status: 'gone', key: { id }, message: GONE };
    ({ data, error } = await withFreePosition(supabase, AGENDA_ITEMS, item.session_id, patch.position, (position) => update({ position })));
  }
  if (error || !data) return { status: 'invalid', errors: { form: describeDbError(error!, 'change the agenda item') } };
  const [row] = data;
  return row ? { status: 'saved', row } : { status: 'gone', key: { id }, message: GONE };
}

export async function removeAgendaItem(input: unknown): Promise<AgendaItemResult> {
  const parsed = practiceRefSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: 'Not a valid agenda item' } };
  const supabase = await createClient();
  const { error } = await supabase.from('practice_items').delete().eq('id', parsed.data.id).eq('band_id', parsed.data.band_id);
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'remove the agenda item') } };
  return { status: 'gone', key: { id: parsed.data.id }, message: 'Removed.' };
}
