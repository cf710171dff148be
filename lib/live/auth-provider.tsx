'use client';

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createClient, type BrowserClient } from '@/lib/supabase/client';

type AuthContextValue = {
  supabase: BrowserClient;
  /** True once realtime.setAuth() has the user's JWT; channels joined before that would join as anon. */
  realtimeReady: boolean;
};

const AuthContext = createContext<AuthContextValue | null>(null);

/**
 * Owns the browser client for the signed-in part of the app. Realtime channels must not subscribe until the
 * socket carries the user's access token: a join without it is authorised as `anon`, RLS hides every row, and
 * the channel looks healthy while delivering nothing (README, "Bands and songs": Live).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [supabase] = useState(createClient);
  const [realtimeReady, setRealtimeReady] = useState(false);

  useEffect(() => {
    let active = true;
    const {
      data: { subscription },
    } = supabase.auth.onAuthStateChange((event, session) => {
      if (event === 'SIGNED_OUT' || !session) {
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
  }, [supabase]);

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

  const value = useMemo(() => ({ supabase, realtimeReady }), [supabase, realtimeReady]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>.');
  return value;
}
