'use client';

import { useState } from 'react';
import { setShowStatus } from '@/lib/actions/shows';
import type { ShowRow, ShowStatus } from '@/lib/database.types';
import { useShowsStoreApi } from '@/lib/live/stores';
import { showsTable } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

const CHIP: Record<ShowStatus, string> = {
  tentative: 'border-amber-400/50 text-amber-200',
  confirmed: 'border-emerald-400/50 text-emerald-200',
  cancelled: 'border-red-400/50 text-red-200 line-through',
};

export function StatusChip({ status }: { status: ShowStatus }) {
  return <span data-testid="show-status" className={`rounded-full border px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${CHIP[status]}`}>{status}</span>;
}

const ACTIONS: { to: ShowStatus; label: string; variant: 'primary' | 'secondary' | 'danger' }[] = [
  { to: 'confirmed', label: 'Confirm show', variant: 'primary' },
  { to: 'tentative', label: 'Mark tentative', variant: 'secondary' },
  { to: 'cancelled', label: 'Cancel show', variant: 'danger' },
];

/** One tap to confirm, cancel or reopen; merged with a bandmate's concurrent edit of other fields. */
export function ShowStatusButtons({ show }: { show: ShowRow }) {
  const mutate = useLiveMutation(showsTable, useShowsStoreApi());
  const [message, setMessage] = useState<string>();
  async function change(to: ShowStatus) {
    setMessage(undefined);
    const payload = { id: show.id, band_id: show.band_id, version: show.version, status: to, from: show.status };
    const replayable = { op: 'shows.status', payload, label: `Mark “${show.title}” ${to}` };
    const result = await mutate({ kind: 'update', row: { id: show.id }, patch: { status: to } }, () => setShowStatus(payload), undefined, replayable);
    if (result.status === 'invalid') setMessage(result.errors?.form);
    if (result.status === 'conflict' || result.status === 'gone') setMessage(result.message);
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {ACTIONS.filter(({ to }) => to !== show.status).map(({ to, label, variant }) => (
          <Button key={to} type="button" variant={variant} className="min-h-11" onClick={() => void change(to)}>
            {label}
          </Button>
        ))}
      </div>
      <FormMessage message={message} />
    </div>
  );
}
