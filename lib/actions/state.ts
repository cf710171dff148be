import type { PostgrestError } from '@supabase/supabase-js';
import type { LearnStatusRow, PracticeItemRow, PracticeSessionRow, Setlist, SetlistItem, ShowRow, Song } from '@/lib/database.types';
import type { ShowFieldName } from '@/lib/validation/show';
import type { MergedUpdate } from '@/lib/live/merged-update';
import { typedValues } from '@/lib/live/merged-update';
import type { FieldConflict } from '@/lib/live/three-way';
import type { LiveResult } from '@/lib/live/result';
import type { FieldErrors } from '@/lib/validation/form';
import type { PracticeFieldName } from '@/lib/validation/practice';
import type { SetlistFieldName } from '@/lib/validation/setlist';
import type { SongFieldName } from '@/lib/validation/song';

// Return types of the server actions ('use server' files may export only async functions, so they live here).

export type FormState<K extends string = string> = {
  errors?: FieldErrors<K | 'form'>;
  /** What the user typed, so a refused form comes back filled in. */
  values?: Record<string, string>;
};

/** An auth form that mails something: `sent` once Supabase accepted it (what it says is up to the form). */
export type MailFormState = FormState<'email' | 'token'> & { sent?: { email: string } };

/** Sign out of all devices: the client tells the other devices only after the server revoked every session. */
export type SignOutEverywhereResult = { ok: true } | { ok: false; message: string };

export type SongFormState = LiveResult<Song, SongFieldName>;

/** Deleting a song some setlists play stops at `in_use` until the user chooses to take it out of them too. */
export type SongDeleteState = LiveResult<Song, 'id' | 'band_id'> | { status: 'in_use'; setlists: string[] };

export type SetlistFormState = LiveResult<Setlist, SetlistFieldName>;
export type ItemResult = LiveResult<SetlistItem, 'form'>;

export type PracticeFormState = LiveResult<PracticeSessionRow, PracticeFieldName>;
export type AgendaItemResult = LiveResult<PracticeItemRow, 'form'>;
export type LearnStatusResult = LiveResult<LearnStatusRow, 'form'>;

/** A database refusal in words a musician can act on; the SQL details stay in the server log. */
export function describeDbError(error: PostgrestError, doing: string): string {
  if (error.code === '42501') return `You can't ${doing}: you are not a member of this band (any more).`;
  if (error.code === '23514') return `The database refused to ${doing}: a value is out of range.`;
  if (error.code === '23503') return `Could not ${doing}: it refers to something that is not in this band (any more).`;
  if (error.code === 'PGRST301' || error.code === 'PGRST303') return 'Your session has expired. Sign in again.';
  console.error(`Failed to ${doing}: ${error.code} ${error.message}`);
  return `Could not ${doing}. Try again in a moment.`;
}

/** How a merged save answers the form, in the feature's words (its noun, what "gone" means, its conflict text). */
export function mergedResult<Fields, Row extends Fields & { id: string }>(
  result: MergedUpdate<Fields, Row>,
  form: { id: string; values: Record<string, string>; noun: string; goneMessage: string; conflictMessage: (conflicts: FieldConflict<string>[]) => string },
): LiveResult<Row> {
  const { id, values, noun } = form;
  if (result.outcome === 'saved') return { status: 'saved', row: result.row };
  if (result.outcome === 'gone') return { status: 'gone', key: { id } as Partial<Row>, message: form.goneMessage };
  if (result.outcome === 'conflict') {
    const conflicts: FieldConflict<Extract<keyof Row, string>>[] = result.conflicts;
    return { status: 'conflict', row: result.row, values: typedValues(values, result.changed), conflicts, message: form.conflictMessage(result.conflicts) };
  }
  if (result.outcome === 'failed') return { status: 'invalid', errors: { form: describeDbError(result.error, `${result.doing} the ${noun}`) }, values };
  return { status: 'invalid', errors: { form: `Bandmates keep changing this ${noun}; nothing of yours was saved. Try again.` }, values };
}

export type ShowFormState = LiveResult<ShowRow, ShowFieldName | keyof ShowRow>;
