'use client';

import { usePathname } from 'next/navigation';
import { useId, useState } from 'react';
import { useBandPresence } from '@/components/presence/presence-provider';
import { Button } from '@/components/ui/button';
import type { BandMember } from '@/lib/data/bands';
import type { RoomState } from './use-room';

/**
 * Who leads and who is in the room (band presence on this page), and the lead's hand-over. A leader who is no
 * longer here is named as gone, and anyone present may take the lead; the database gives it only once the
 * leader's heartbeat has stopped, so two members never drive at once.
 */
export function RoomLeaderBar({ state, members, userId, endLabel }: { state: RoomState; members: BandMember[]; userId: string; endLabel: string }) {
  const { open, leading, actions, run } = state;
  const path = usePathname();
  const here = useBandPresence().members.filter((member) => member.user_id === userId || member.at.includes(path));
  const name = (id: string | null) => members.find((member) => member.user_id === id)?.display_name ?? 'A bandmate';
  const [to, setTo] = useState('');
  const [taking, setTaking] = useState(false);
  const selectId = useId();
  if (!open) return null;
  const leaderHere = here.some((member) => member.user_id === open.leader_id);
  const others = here.filter((member) => member.user_id !== userId);

  return (
    <section aria-label="Room" className="flex flex-col gap-2 rounded-2xl border border-white/10 bg-stage-900 p-3 text-sm">
      <p role="status" data-field="leader">
        {leading ? 'You lead. Space, arrows or a page-turner pedal move everyone.' : open.leader_id ? `${name(open.leader_id)} leads.` : 'Nobody leads.'}
        {!leading && open.leader_id && !leaderHere ? ` ${name(open.leader_id)} has left the room.` : ''}
      </p>
      <ul aria-label="In the room" className="flex flex-wrap gap-1">
        {here.map((member) => (
          <li key={member.user_id} className="rounded-full border border-white/15 px-2 py-0.5 text-xs text-zinc-200">
            {member.user_id === userId ? `${member.display_name} (you)` : member.display_name}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-2">
        {!leading && (!open.leader_id || !leaderHere) ? (
          <Button
            disabled={taking}
            onClick={() => {
              setTaking(true);
              void run(actions.takeLead()).finally(() => setTaking(false));
            }}
          >
            {taking ? 'Taking the lead…' : 'Take the lead'}
          </Button>
        ) : null}
        {leading && others.length ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (to) void run(actions.handLead(to));
            }}
          >
            <label htmlFor={selectId} className="flex flex-col gap-1 text-xs text-zinc-300">
              Hand the lead to
              <select id={selectId} value={to} onChange={(event) => setTo(event.target.value)} className="min-h-11 rounded-lg border border-white/15 bg-stage-950 px-2 text-sm">
                <option value="">Choose…</option>
                {others.map((member) => (
                  <option key={member.user_id} value={member.user_id}>
                    {member.display_name}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" variant="secondary" disabled={!to}>
              Hand over
            </Button>
          </form>
        ) : null}
        {leading ? (
          <Button variant="danger" onClick={() => void run(actions.end())}>
            {endLabel}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
