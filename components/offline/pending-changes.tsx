'use client';

import { useOfflineQueue, useQueueState } from '@/lib/live/offline/offline-queue';
import { waitingLabel, type QueuedChange } from '@/lib/live/offline/format';
import { useOnline } from '@/lib/live/use-online';
import { Button } from '@/components/ui/button';

/**
 * What this device holds that the band does not have yet: "2 changes waiting", and each replay that needs the
 * user (a conflict asks "keep mine or theirs", a refusal explains). Nothing here is dropped without a click.
 */
export function PendingChanges() {
  const queue = useOfflineQueue();
  const online = useOnline();
  const changes = useQueueState((state) => state.changes);
  const unreadable = useQueueState((state) => state.unreadable);
  const waiting = changes.filter((change) => !change.problem);
  const problems = changes.filter((change) => change.problem);
  if (!queue || (!waiting.length && !problems.length && !unreadable.length)) return null;
  return (
    <section aria-label="Changes on this device" className="flex flex-col gap-2 rounded-xl border border-amp-400/40 p-3 text-sm print:hidden">
      {waiting.length ? (
        <p role="status" data-testid="waiting-changes">
          <span className="font-semibold text-amp-400">{waitingLabel(waiting.length)}</span>
          {online ? ' — syncing now…' : ' — saved on this device, will sync when the connection is back.'}
        </p>
      ) : null}
      {problems.map((change) => (
        <Problem key={change.id} change={change} keepMine={() => void queue.keepMine(change)} discard={() => void queue.discard(change)} />
      ))}
      {unreadable.map((record) => (
        <p key={`${record.seq}`} role="alert" className="text-red-200">{`${record.label} could not be synced: ${record.reason}.`}</p>
      ))}
    </section>
  );
}

function Problem({ change, keepMine, discard }: { change: QueuedChange; keepMine: () => void; discard: () => void }) {
  const conflict = change.problem?.status === 'conflict';
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-lg border border-red-400/40 p-2 text-red-100">
      <p>
        <span className="font-semibold">{change.label}</span>
        {`: ${change.problem?.message}`}
      </p>
      <div className="flex flex-wrap gap-2">
        {conflict ? <Button onClick={keepMine}>Keep mine</Button> : null}
        <Button variant="secondary" onClick={discard}>
          {conflict ? 'Keep theirs' : 'Dismiss'}
        </Button>
      </div>
    </div>
  );
}
