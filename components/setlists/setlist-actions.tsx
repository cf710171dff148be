'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { deleteSetlist, duplicateSetlist } from '@/lib/actions/setlists';
import type { SetlistFormState } from '@/lib/actions/state';
import type { Setlist } from '@/lib/database.types';
import { IDLE } from '@/lib/live/result';
import { useSetlistsStoreApi } from '@/lib/live/stores';
import { setlistsTable } from '@/lib/live/tables/setlists';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { useOnline } from '@/lib/live/use-online';
import { formValues } from '@/lib/validation/form';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/** Duplicate, print and delete (two steps: a stray tap must not delete the band's setlist). */
export function SetlistActions({ setlist, onEdit }: { setlist: Setlist; onEdit: () => void }) {
  const router = useRouter();
  const list = `/bands/${setlist.band_id}/setlists`;
  const [confirming, setConfirming] = useState(false);
  const mutate = useLiveMutation(setlistsTable, useSetlistsStoreApi());
  const online = useOnline();
  // A copy is made by the server (duplicate_setlist), so it needs the connection; without it the user is told.
  const [copy, copyAction, copying] = useActionState(async (previous: SetlistFormState, formData: FormData) => {
    const result = await mutate(null, () => duplicateSetlist(previous, formData));
    if (result.status === 'saved') router.push(`${list}/${result.row.id}`);
    return result;
  }, IDLE);
  const [removal, removeAction, removing] = useActionState(async (previous: SetlistFormState, formData: FormData) => {
    const replayable = { op: 'setlists.delete', payload: formValues(formData), label: `Delete “${setlist.name}”` };
    const result = await mutate({ kind: 'delete', row: { id: setlist.id } }, () => deleteSetlist(previous, formData), undefined, replayable);
    if (result.status === 'gone' || result.status === 'queued') router.push(list);
    return result;
  }, IDLE);
  const refused = [copy, removal].find((state) => state.status === 'invalid');

  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <Button variant="secondary" className="min-h-11" onClick={onEdit}>
        Rename & details
      </Button>
      <form action={copyAction}>
        <input type="hidden" name="id" value={setlist.id} />
        <input type="hidden" name="band_id" value={setlist.band_id} />
        <Button type="submit" variant="secondary" className="min-h-11" disabled={copying || !online}>
          {copying ? 'Duplicating…' : online ? 'Duplicate' : 'Duplicate (needs a connection)'}
        </Button>
      </form>
      <Link href={`${list}/${setlist.id}/print`} className="flex min-h-11 items-center rounded-lg border border-white/15 px-3 text-sm font-semibold text-zinc-200 hover:border-white/30">
        Print view
      </Link>
      {confirming ? (
        <form action={removeAction} className="flex gap-2">
          <input type="hidden" name="id" value={setlist.id} />
          <input type="hidden" name="band_id" value={setlist.band_id} />
          <Button type="submit" variant="danger" className="min-h-11" disabled={removing}>
            {removing ? 'Deleting…' : `Delete “${setlist.name}”`}
          </Button>
          <Button type="button" variant="secondary" className="min-h-11" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </form>
      ) : (
        <Button variant="danger" className="min-h-11" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      )}
      <FormMessage message={refused?.status === 'invalid' ? refused.errors?.form : undefined} />
    </div>
  );
}
