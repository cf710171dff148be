'use client';

import { useCallback, type RefObject } from 'react';
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
export function UserChannel({ userId, announcer }: { userId: string; announcer: RefObject<SignOutAnnouncer> }) {
  const { leave } = useAuth();

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
  return null;
}
