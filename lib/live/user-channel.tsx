'use client';

import { createContext, useCallback, useContext, useRef, type ReactNode } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { useAuth } from './auth-provider';
import type { ChannelStatus } from './connection';
import { useRealtimeChannel } from './use-realtime-channel';

/** Resolves once Realtime acknowledged the message, or after a short wait when it cannot be sent. */
export type SignOutAnnouncer = () => Promise<void>;

/** The user's own private channel; RLS on realtime.messages admits only that user (migration *_user_channel.sql). */
export function userTopic(userId: string): string {
  return `user:${userId}`;
}

export const SIGNED_OUT_EVENT = 'signed-out';
const ANNOUNCE_TIMEOUT_MS = 3_000;

/**
 * Every signed-in tab listens on `user:<uid>`. "Sign out of all devices" revokes the sessions, then announces it
 * here; each other tab signs itself out locally (its session is gone anyway: auth-js ignores Auth's 403 and clears
 * the cookies) and leaves for /login without waiting for a navigation or a token refresh.
 */
export function UserChannel({ userId, children }: { userId: string; children: ReactNode }) {
  const { leave } = useAuth();
  const announcer = useRef<SignOutAnnouncer>(async () => undefined);

  const bind = useCallback(
    (channel: RealtimeChannel) => {
      channel.on('broadcast', { event: SIGNED_OUT_EVENT }, () => void leave('signed-out', { endSession: true }));
    },
    [leave],
  );

  const onStatus = useCallback(
    (status: ChannelStatus, channel: RealtimeChannel) => {
      announcer.current =
        status === 'SUBSCRIBED'
          ? async () => {
              const timeout = new Promise((resolve) => setTimeout(resolve, ANNOUNCE_TIMEOUT_MS));
              await Promise.race([channel.send({ type: 'broadcast', event: SIGNED_OUT_EVENT, payload: {} }), timeout]);
            }
          : async () => undefined;
    },
    [announcer],
  );

  useRealtimeChannel({ topic: userTopic(userId), isPrivate: true, broadcastAck: true, bind, onStatus });
  const announce = useCallback<SignOutAnnouncer>(() => announcer.current(), []);
  return <AnnouncerContext.Provider value={announce}>{children}</AnnouncerContext.Provider>;
}

const AnnouncerContext = createContext<SignOutAnnouncer | null>(null);

/** Tells this user's other tabs and devices to sign out; resolves when Realtime took the message (or gave up). */
export function useAnnounceSignOut(): SignOutAnnouncer {
  const announce = useContext(AnnouncerContext);
  if (!announce) throw new Error('useAnnounceSignOut must be used inside <UserChannel>.');
  return announce;
}
