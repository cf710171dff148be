'use server';

import { positionTaken, SETLIST_ITEMS, withFreePosition } from '@/lib/order/free-position';
import { createClient } from '@/lib/supabase/server';
import { fieldErrors } from '@/lib/validation/form';
import { itemCreateSchema, itemPatchSchema, setlistRefSchema, type ItemPatch } from '@/lib/validation/setlist';
import { describeDbError, type ItemResult } from './state';

// Items are changed one control at a time (a drag, a transpose, a note), so each write sets only the fields it
// changes and is not version-checked: two bandmates changing different items, or different fields of one item,
// both keep their change, and the version still orders the results on every device. Set-level edits (name,
// target) are version-checked in ./setlists.ts.

export async function addItem(input: unknown): Promise<ItemResult> {
  const parsed = itemCreateSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: Object.values(fieldErrors(parsed.error))[0] } };
  const supabase = await createClient();
  const { data, error } = await withFreePosition(supabase, SETLIST_ITEMS, parsed.data.setlist_id, parsed.data.position, (position) =>
    supabase.from('setlist_items').insert({ ...parsed.data, position }).select('*').single(),
  );
  if (error?.code === '23505' && error.message.includes('setlist_items_pkey')) {
    // The same add sent twice (a retry after a lost answer): the first one was saved.
    const { data: saved } = await supabase.from('setlist_items').select('*').eq('id', parsed.data.id).maybeSingle();
    if (saved) return { status: 'saved', row: saved };
  }
  if (error || !data) return { status: 'invalid', errors: { form: describeDbError(error!, 'add to the setlist') } };
  return { status: 'saved', row: data };
}

export async function patchItem(input: unknown): Promise<ItemResult> {
  const parsed = itemPatchSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: Object.values(fieldErrors(parsed.error))[0] } };
  const { id, band_id: bandId, patch } = parsed.data;
  const supabase = await createClient();
  const update = (changes: ItemPatch) => supabase.from('setlist_items').update(changes).eq('id', id).eq('band_id', bandId).select('*');
  // One round trip in the common case; the setlist is looked up only when another device took the position.
  let { data, error } = await update(patch);
  if (positionTaken(SETLIST_ITEMS, error) && patch.position !== undefined) {
    const { data: item } = await supabase.from('setlist_items').select('setlist_id').eq('id', id).maybeSingle();
    if (!item) return { status: 'gone', key: { id }, message: 'This item was removed by a bandmate.' };
    ({ data, error } = await withFreePosition(supabase, SETLIST_ITEMS, item.setlist_id, patch.position, (position) => update({ ...patch, position })));
  }
  if (error || !data) return { status: 'invalid', errors: { form: describeDbError(error!, 'change the item') } };
  const [row] = data;
  return row ? { status: 'saved', row } : { status: 'gone', key: { id }, message: 'This item was removed by a bandmate.' };
}

export async function removeItem(input: unknown): Promise<ItemResult> {
  const parsed = setlistRefSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: 'Not a valid item' } };
  const supabase = await createClient();
  const { error } = await supabase.from('setlist_items').delete().eq('id', parsed.data.id).eq('band_id', parsed.data.band_id);
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'remove the item') } };
  return { status: 'gone', key: { id: parsed.data.id }, message: 'Removed.' };
}
