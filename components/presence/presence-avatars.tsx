'use client';

import { initials } from '@/lib/live/presence';
import { useBandPresence } from './presence-provider';

/** Bandmates with this band open right now, this device's user included once they are tracked. */
export function PresenceAvatars() {
  const { userId, members } = useBandPresence();
  return (
    <ul aria-label="Online now" className="flex -space-x-2">
      {members.map((member) => (
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
