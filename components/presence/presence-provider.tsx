'use client';

import { usePathname } from 'next/navigation';
import { createContext, useContext, type ReactNode } from 'react';
import type { PresenceMember } from '@/lib/live/presence';
import { usePresence } from '@/lib/live/use-presence';

type PresenceValue = { userId: string; members: PresenceMember[] };

const PresenceContext = createContext<PresenceValue | null>(null);

/** One presence channel per band page tree; the avatars and "also here" lists read it from here. */
export function PresenceProvider({ bandId, userId, displayName, children }: { bandId: string; userId: string; displayName: string; children: ReactNode }) {
  const members = usePresence(bandId, userId, displayName, usePathname());
  return <PresenceContext.Provider value={{ userId, members }}>{children}</PresenceContext.Provider>;
}

export function useBandPresence(): PresenceValue {
  const value = useContext(PresenceContext);
  if (!value) throw new Error('useBandPresence must be used inside <PresenceProvider>.');
  return value;
}
