'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isAuthSessionMissingError } from '@supabase/supabase-js';
import { createClient, type BrowserClient } from '@/lib/supabase/client';
import { forgetOfflinePages } from './offline/forget-pages';

/** Why this device left the signed-in app; the login page says it (lib/auth/links.ts signedOutNotice). */
export type LeaveReason = 'signed-out' | 'signed-out-everywhere';

type AuthContextValue = {
  supabase: BrowserClient;
  /** True once realtime.setAuth() has the user's JWT; channels joined before that would join as anon. */
  realtimeReady: boolean;
  /**
   * Closes every channel, forgets the pages kept offline and opens /login, once per page. `endSession` also signs
   * this browser out locally first (never pass it from inside an onAuthStateChange callback: auth-js holds its lock).
   */
  leave: (reason: LeaveReason, options?: { endSession?: boolean }) => Promise<void>;
};

const AuthContext = createContext<AuthContextValue | null>(null);
const LEAVE_CHANNELS_TIMEOUT_MS = 2_000;

/**
 * Owns the browser client for the signed-in part of the app. Realtime channels must not subscribe until the
 * socket carries the user's access token: a join without it is authorised as `anon`, RLS hides every row, and
 * the channel looks healthy while delivering nothing (README, "Bands and songs": Live).
 *
 * It also ends the signed-in app promptly when the session ends elsewhere: on SIGNED_OUT (a failed refresh, a
 * sign-out in another tab), on the user's own `signed-out` broadcast (UserChannel, lib/live/user-channel.tsx), and when the tab regains focus
 * and Auth answers that the session is gone (403 session_not_found after "sign out of all devices").
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [supabase] = useState(createClient);
  const [realtimeReady, setRealtimeReady] = useState(false);
  const leaving = useRef(false);

  const leave = useCallback(
    async (reason: LeaveReason, { endSession = false }: { endSession?: boolean } = {}) => {
      if (leaving.current) return;
      leaving.current = true;
      // Its SIGNED_OUT finds `leaving` set, so the reason given here is the one the login page shows. Auth may
      // already have ended the session (403, which auth-js ignores); the cookies are cleared either way.
      if (endSession) await supabase.auth.signOut({ scope: 'local' }).catch(() => undefined);
      setRealtimeReady(false);
      forgetOfflinePages();
      // Channels first, so this device leaves its bands' presence and stops receiving their rows now.
      const timeout = new Promise((resolve) => setTimeout(resolve, LEAVE_CHANNELS_TIMEOUT_MS));
      await Promise.race([supabase.removeAllChannels().catch(() => undefined), timeout]);
      // A full page load: nothing of the signed-out user's stores stays in memory.
      window.location.replace(`/login?reason=${reason}`);
    },
    [supabase],
  );

  useEffect(() => {
    let active = true;
    const {
      data: { subscription },
    } = supabase.auth.onAuthStateChange((event, session) => {
      if (event === 'SIGNED_OUT') {
        // Not awaited: auth-js holds its lock while it runs callbacks.
        void leave('signed-out');
        return;
      }
      if (!session) {
        setRealtimeReady(false);
        return;
      }
      if (event === 'INITIAL_SESSION' || event === 'SIGNED_IN' || event === 'TOKEN_REFRESHED') {
        // Not awaited inside the callback: auth-js holds its lock while it runs callbacks. setAuth with an
        // explicit token needs no lock, and it also re-authorises channels already joined (access_token push).
        void supabase.realtime.setAuth(session.access_token).then(() => {
          if (active) setRealtimeReady(true);
        });
      }
    });
    return () => {
      active = false;
      subscription.unsubscribe();
    };
  }, [supabase, leave]);

  useEffect(() => {
    // A device that missed the broadcast (asleep, offline, socket closed) asks Auth when it is looked at again.
    // getUser() meeting 403 session_not_found removes the session itself, which fires SIGNED_OUT above; a session
    // already gone from the cookies (another tab signed out) answers without a request.
    const check = () => {
      if (document.visibilityState !== 'visible' || !navigator.onLine) return;
      void supabase.auth.getUser().then(({ error }) => {
        if (isAuthSessionMissingError(error)) void leave('signed-out');
      });
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [supabase, leave]);

  useEffect(() => {
    // Offline, a token refresh cannot succeed and auth-js would retry it with backoff, each attempt a failed
    // request; it resumes (refreshing at once if the token expired meanwhile) when the connection is back.
    // Known gap: realtime-js's heartbeat still asks auth for a token until its idle socket closes, so a token that
    // expires while offline is still tried a few times. Disconnecting the socket here stopped that but left
    // channels that were leaving registered, so views stayed "Reconnecting" after the connection came back.
    const pause = () => void supabase.auth.stopAutoRefresh();
    const resume = () => void supabase.auth.startAutoRefresh();
    window.addEventListener('offline', pause);
    window.addEventListener('online', resume);
    if (!navigator.onLine) pause();
    return () => {
      window.removeEventListener('offline', pause);
      window.removeEventListener('online', resume);
    };
  }, [supabase]);

  const value = useMemo(() => ({ supabase, realtimeReady, leave }), [supabase, realtimeReady, leave]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>.');
  return value;
}
