'use client';

import { Button } from '@/components/ui/button';

/** Before a room is open (or after it ended): one button opens it, and the opener leads. */
export function RoomStart({ label, onStart, empty }: { label: string; onStart: () => void; empty?: string }) {
  return (
    <section aria-label="Start the room" className="flex flex-col items-start gap-2 rounded-2xl border border-white/10 bg-stage-900 p-4">
      <p className="text-sm text-zinc-300">Whoever starts leads: their moves show on every member&apos;s screen. The lead can be handed over.</p>
      {empty ? <p className="text-sm text-amber-200">{empty}</p> : null}
      <Button onClick={onStart} disabled={Boolean(empty)}>
        {label}
      </Button>
    </section>
  );
}
