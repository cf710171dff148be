'use client';

import { useState, useTransition } from 'react';
import { deleteBand, leaveBand, type DepartureResult } from '@/lib/actions/band-admin';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useLiveBand } from './band-live';

const UNREACHABLE = 'Could not reach the server. Check the connection and try again; nothing was changed.';

/**
 * Runs a leave or delete: this device expects the band to vanish (its own events are not news to it), and on
 * success leaves the band's pages with the matching notice; a refusal is kept in the dialog, in words.
 */
function useDeparture(kind: 'left' | 'deleted', run: (form: FormData) => Promise<DepartureResult>) {
  const { expectDeparture, departed } = useLiveBand();
  const [result, setResult] = useState<DepartureResult | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (form: FormData) =>
    startTransition(async () => {
      expectDeparture(kind);
      const answer = await run(form).catch((): DepartureResult => ({ status: 'invalid', errors: { form: UNREACHABLE } }));
      if (answer.status === 'done') return departed();
      expectDeparture(null);
      setResult(answer);
    });
  const errors = result?.status === 'invalid' ? result.errors : undefined;
  return { submit, pending, errors, reset: () => setResult(null) };
}

export function LeaveBand() {
  const { bandId, name } = useLiveBand();
  const { submit, pending, errors, reset } = useDeparture('left', (form) => leaveBand({ status: 'done' }, form));
  return (
    <Dialog
      title={`Leave ${name}?`}
      description="The band’s songs, setlists and calendar disappear from your devices. To come back you need a new invite."
      onOpenChange={(open) => (open ? undefined : reset())}
      trigger={<Button variant="secondary">Leave band</Button>}
    >
      <form action={submit} className="flex flex-col gap-3">
        <input type="hidden" name="band_id" value={bandId} />
        <FormMessage message={errors?.form} />
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              Stay
            </Button>
          </DialogClose>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? 'Leaving…' : `Leave ${name}`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Owners only: the band's name typed back unlocks the button (a stray tap cannot delete a band). */
export function DeleteBand() {
  const { bandId, name } = useLiveBand();
  const [typed, setTyped] = useState('');
  const { submit, pending, errors, reset } = useDeparture('deleted', (form) => deleteBand({ status: 'done' }, form));
  const matches = typed.trim() === name.trim();
  return (
    <Dialog
      title={`Delete ${name}?`}
      description="Every song, setlist, show and practice of the band is deleted for all its members, at once. This cannot be undone."
      onOpenChange={(open) => {
        if (!open) {
          setTyped('');
          reset();
        }
      }}
      trigger={<Button variant="danger">Delete band</Button>}
    >
      <form action={submit} className="flex flex-col gap-3" noValidate>
        <input type="hidden" name="band_id" value={bandId} />
        <Field
          label={`Type ${name} to confirm`}
          name="confirm_name"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          hint={matches ? 'The name matches.' : 'The button unlocks when the name matches.'}
          error={errors?.confirm_name}
        />
        <FormMessage message={errors?.form} />
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              Cancel
            </Button>
          </DialogClose>
          <Button type="submit" variant="danger" disabled={!matches || pending}>
            {pending ? 'Deleting…' : 'Delete band for everyone'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
