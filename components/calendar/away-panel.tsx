'use client';

import { CalendarOff } from 'lucide-react';
import { useActionState, useRef, useState } from 'react';
import { addAway, removeAway } from '@/lib/actions/availability';
import type { UnavailableDatesRow } from '@/lib/database.types';
import { formatRange } from '@/lib/calendar/events';
import { newId } from '@/lib/live/new-id';
import { IDLE, type LiveResult } from '@/lib/live/result';
import { useUnavailableDatesStore, useUnavailableDatesStoreApi } from '@/lib/live/stores';
import { draftRow, unavailableDatesTable } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { ANSWER_NOTE_MAX, unavailableSchema } from '@/lib/validation/availability';
import { formValues } from '@/lib/validation/form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useCalendarMe } from './calendar-live';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';

type State = LiveResult<UnavailableDatesRow, 'starts_on' | 'ends_on' | 'note'> | { status: 'queued'; message: string };

/** Dates a member cannot play: everyone sees the band's, each member adds and removes their own. */
export function AwayPanel({ bandId }: { bandId: string }) {
  const { userId, members } = useCalendarMe();
  const rows = useUnavailableDatesStore((state) => state.rows);
  const mutate = useLiveMutation(unavailableDatesTable, useUnavailableDatesStoreApi());
  const form = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (_previous: State, formData: FormData): Promise<State> => {
    const payload = { ...formValues(formData), id: newId(), band_id: bandId };
    const parsed = unavailableSchema.safeParse(payload);
    const draft = parsed.success ? draftRow<UnavailableDatesRow>({ ...parsed.data, user_id: userId }) : null;
    const label = `Away ${parsed.success ? formatRange(parsed.data.starts_on, parsed.data.ends_on) : ''}`;
    const result = await mutate(draft ? { kind: 'insert', row: draft } : null, () => addAway(payload), formData, { op: 'away.add', payload, label });
    if (result.status === 'saved' || result.status === 'queued') setOpen(false);
    return result;
  }, IDLE);
  useFocusFirstError(form, state);
  const invalid = state.status === 'invalid' ? state : undefined;
  const name = (id: string) => (id === userId ? 'You' : (members.find((member) => member.user_id === id)?.display_name ?? 'A member'));
  async function remove(row: UnavailableDatesRow) {
    const payload = { id: row.id, band_id: bandId };
    await mutate({ kind: 'delete', row: { id: row.id } }, () => removeAway(payload), undefined, { op: 'away.remove', payload, label: `Unblock ${formatRange(row.starts_on, row.ends_on)}` });
  }
  return (
    <section aria-labelledby="away-title" className="flex flex-col gap-3 rounded-2xl border border-white/10 bg-stage-900 p-4">
      <h3 id="away-title" className="font-semibold">Away dates</h3>
      <ul aria-label="Away dates" className="flex flex-col gap-1 text-sm">
        {rows.length === 0 ? <li className="text-zinc-300">Nobody has blocked any dates.</li> : null}
        {rows.map((row) => (
          <li key={row.id} className="flex min-h-11 items-center justify-between gap-2 border-b border-white/5">
            <span>
              <strong>{name(row.user_id)}</strong>: {formatRange(row.starts_on, row.ends_on)}
              {row.note ? ` — ${row.note}` : ''}
            </span>
            {row.user_id === userId ? (
              <Button type="button" variant="secondary" className="min-h-11" aria-label={`Unblock ${formatRange(row.starts_on, row.ends_on)}`} onClick={() => void remove(row)}>
                Unblock
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <Dialog
        title="Block dates"
        description="Days you cannot play or rehearse; the band sees them while planning."
        open={open}
        onOpenChange={setOpen}
        trigger={
          <Button variant="secondary" className="self-start">
            <CalendarOff aria-hidden className="size-5" />
            Block my dates
          </Button>
        }
      >
        <form ref={form} action={formAction} aria-label="Block dates" className="flex flex-col gap-3" noValidate>
          <div className="grid grid-cols-2 gap-3">
            <Field id="away-from" label="First day away" name="starts_on" type="date" defaultValue={invalid?.values?.starts_on} error={invalid?.errors?.starts_on} />
            <Field id="away-to" label="Last day away" name="ends_on" type="date" defaultValue={invalid?.values?.ends_on} error={invalid?.errors?.ends_on} />
          </div>
          <Field id="away-note" label="Note (optional)" name="note" limit={ANSWER_NOTE_MAX} placeholder="On tour with another band" defaultValue={invalid?.values?.note} error={invalid?.errors?.note} />
          <FormMessage message={invalid?.errors?.form} />
          <Button type="submit" disabled={pending} className="self-start">{pending ? 'Saving…' : 'Block dates'}</Button>
        </form>
      </Dialog>
      <FormMessage tone="info" message={state.status === 'queued' ? state.message : undefined} />
    </section>
  );
}
