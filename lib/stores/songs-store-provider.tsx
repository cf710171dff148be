'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Song } from '@/lib/database.types';
import { createSongsStore, type SongsStore, type SongsStoreApi } from './songs-store';

const SongsStoreContext = createContext<SongsStoreApi | null>(null);

/** Creates the store once per mount, seeded with the rows the server component read under RLS. */
export function SongsStoreProvider({ initialSongs, children }: { initialSongs: Song[]; children: ReactNode }) {
  // useState's initializer runs once per mount; later renders with new props keep the live store.
  const [store] = useState(() => createSongsStore(initialSongs));
  return <SongsStoreContext.Provider value={store}>{children}</SongsStoreContext.Provider>;
}

export function useSongsStore<T>(selector: (store: SongsStore) => T): T {
  const store = useContext(SongsStoreContext);
  if (!store) throw new Error('useSongsStore must be used inside <SongsStoreProvider>.');
  return useStore(store, selector);
}
