import type { PostgrestError } from '@supabase/supabase-js';
import { mergeThreeWay, sameValue, type FieldConflict } from './three-way';

// The server side of a version-checked save with a field-by-field merge, shared by every live form's action
// (and so by every offline replay): try the write against the version the edit started from; if a bandmate
// saved first, merge three ways against their row and write only the fields this edit changed, or report the
// fields both changed. Plain module (not 'use server'): the actions call it with their own supabase queries.

type Written<Row> = { data: Row[] | null; error: PostgrestError | null };
type Read<Row> = { data: Row | null; error: PostgrestError | null };

export type MergedUpdate<Fields, Row> =
  | { outcome: 'saved'; row: Row }
  /** `changed`: the fields this edit changed (the form keeps the user's values for exactly these). */
  | { outcome: 'conflict'; row: Row; conflicts: FieldConflict<Extract<keyof Fields, string>>[]; changed: string[] }
  | { outcome: 'gone' }
  | { outcome: 'failed'; error: PostgrestError; doing: 'save' | 'check' }
  /** Bandmates saved again between every read and write: nothing written. */
  | { outcome: 'busy' };

const ROUNDS = 3;

export async function mergedUpdate<Fields extends object, Row extends Fields & { version: number }>(edit: {
  mine: Fields;
  base: Partial<Fields>;
  version: number;
  write: (fields: Partial<Fields>, version: number) => PromiseLike<Written<Row>>;
  read: () => PromiseLike<Read<Row>>;
}): Promise<MergedUpdate<Fields, Row>> {
  let fields: Partial<Fields> = edit.mine;
  let expected = edit.version;
  for (let round = 0; round < ROUNDS; round += 1) {
    const { data: written, error } = await edit.write(fields, expected);
    if (error) return { outcome: 'failed', error, doing: 'save' };
    if (written?.[0]) return { outcome: 'saved', row: written[0] };

    const { data: current, error: readError } = await edit.read();
    if (readError) return { outcome: 'failed', error: readError, doing: 'check' };
    if (!current) return { outcome: 'gone' };
    const { patch, conflicts } = mergeThreeWay<Fields>(edit.base, edit.mine, current);
    if (conflicts.length) return { outcome: 'conflict', row: current, conflicts, changed: changedFields(edit.base, edit.mine) };
    if (Object.keys(patch).length === 0) return { outcome: 'saved', row: current }; // theirs already says what ours does
    fields = patch;
    expected = current.version;
  }
  return { outcome: 'busy' };
}

/** The fields an edit changed from its base (a field missing from the base counts as changed). */
export function changedFields<Fields extends object>(base: Partial<Fields>, mine: Fields): string[] {
  return (Object.keys(mine) as Array<keyof Fields & string>).filter((field) => !(field in base) || !sameValue(base[field], mine[field]));
}

/** What the user typed for the fields they changed, for the form to show again over the bandmate's row. */
export function typedValues(values: Record<string, string>, changed: string[]): Record<string, string> {
  return Object.fromEntries(changed.map((field) => [field, values[field] ?? '']));
}
