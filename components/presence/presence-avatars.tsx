'use client';

import { initials } from '@/lib/realtime/presence';
import { usePresence } from '@/lib/realtime/use-presence';

/** Bandmates with this band open right now, this device's user included once they are tracked. */
export function PresenceAvatars({ bandId, userId, displayName }: { bandId: string; userId: string; displayName: string }) {
  const online = usePresence(bandId, userId, displayName);
  return (
    <ul aria-label="Online now" className="flex -space-x-2">
      {online.map((member) => (
        <li
          key={member.user_id}
          title={member.user_id === userId ? `${member.display_name} (you)` : member.display_name}
          aria-label={member.display_name}
          className="flex size-9 items-center justify-center rounded-full border-2 border-stage-950 bg-amp-500 text-xs font-bold text-stage-950"
        >
          {initials(member.display_name)}
        </li>
      ))}
    </ul>
  );
}
