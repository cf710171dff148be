'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useAuth } from '@/lib/live/auth-provider';
import type { BandMember } from '@/lib/data/bands';
import type { PracticeNoteRow } from '@/lib/database.types';
import { newId } from '@/lib/live/new-id';
import { usePracticeNotesStore, usePracticeNotesStoreApi } from '@/lib/live/stores';
import { draftRow } from '@/lib/live/tables/calendar';
import { practiceNotesTable } from '@/lib/live/tables/rooms';
import { UNREACHABLE } from '@/lib/live/result';
import { useLiveMutation } from '@/lib/live/use-live-mutation';

const NOTE_LIMIT = 500;

/** Notes on the current item: anyone in the room adds one, everyone sees it at once; kept with the practice. */
export function RoomNotes({ bandId, practiceId, itemId, userId, members }: { bandId: string; practiceId: string; itemId: string; userId: string; members: BandMember[] }) {
  const { supabase } = useAuth();
  const all = usePracticeNotesStore((store) => store.rows);
  const notes = useMemo(() => all.filter((note) => note.item_id === itemId), [all, itemId]);
  const mutate = useLiveMutation(practiceNotesTable, usePracticeNotesStoreApi());
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const name = (id: string) => members.find((member) => member.user_id === id)?.display_name ?? 'A former member';

  const add = async () => {
    const text = body.trim();
    if (!text) return setError('Write the note first.');
    if (text.length > NOTE_LIMIT) return setError(`A note can be up to ${NOTE_LIMIT} characters.`);
    const row = draftRow<PracticeNoteRow>({ id: newId(), band_id: bandId, practice_id: practiceId, item_id: itemId, author_id: userId, body: text });
    const result = await mutate({ kind: 'insert', row }, async () => {
      const { data, error: refused } = await supabase.from('practice_notes').insert({ id: row.id, band_id: bandId, practice_id: practiceId, item_id: itemId, body: text }).select('*').single();
      if (refused && !refused.code) return UNREACHABLE;
      return refused ? ({ status: 'invalid', errors: { form: `The note was not saved: ${refused.message}` } } as const) : ({ status: 'saved', row: data } as const);
    });
    if (result.status === 'saved') {
      setBody('');
      setError(undefined);
    } else setError('errors' in result ? result.errors?.form : undefined);
  };

  return (
    <section aria-labelledby="notes-title" className="flex flex-col gap-2">
      <h3 id="notes-title" className="font-semibold">
        Notes on this song
      </h3>
      {notes.length ? (
        <ul className="flex flex-col gap-1" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id} className="break-words rounded-lg bg-white/5 px-3 py-2 text-sm" data-pending={note.version === 0 ? '' : undefined}>
              <span className="font-semibold">{name(note.author_id)}:</span> {note.body}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-400">No notes yet.</p>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <Field label="Add a note" name="note" value={body} limit={NOTE_LIMIT} error={error} onChange={(event) => setBody(event.target.value)} className="grow" />
        <Button type="submit">Add note</Button>
      </form>
    </section>
  );
}
