'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LiveRow, LiveTable } from './definition';
import { createLiveStore, type LiveStore, type LiveStoreApi } from './store';

/**
 * A provider and hooks for one live table's per-mount store. The provider is seeded with the rows a server
 * component read under RLS; the hooks throw outside it, so a view can never read another mount's rows.
 */
export function createLiveContext<Row extends LiveRow>(definition: LiveTable<Row>) {
  const Context = createContext<LiveStoreApi<Row> | null>(null);
  const name = `${definition.table} store`;

  function LiveStoreProvider({ initialRows, children }: { initialRows: Row[]; children: ReactNode }) {
    // useState's initializer runs once per mount; later renders with new props keep the live store.
    const [store] = useState(() => createLiveStore(definition, initialRows));
    return <Context.Provider value={store}>{children}</Context.Provider>;
  }

  function useLiveStoreApi(): LiveStoreApi<Row> {
    const store = useContext(Context);
    if (!store) throw new Error(`The ${name} is used outside its provider.`);
    return store;
  }

  function useLiveStore<T>(selector: (store: LiveStore<Row>) => T): T {
    return useStore(useLiveStoreApi(), selector);
  }

  return { definition, LiveStoreProvider, useLiveStore, useLiveStoreApi };
}
