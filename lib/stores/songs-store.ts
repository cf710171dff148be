import { createStore } from 'zustand/vanilla';
import type { Song } from '@/lib/database.types';
import { applyDelete, applyInsert, applySnapshot, applyUpdate, compareSongs, type SongsState } from './songs-state';

export type SongsActions = {
  applyInsert: (song: Song) => void;
  applyUpdate: (song: Song) => void;
  applyDelete: (id: string) => void;
  applySnapshot: (rows: Song[]) => void;
};

export type SongsStore = SongsState & SongsActions;

/**
 * One store per mounted songs view (the with-zustand pattern): a module-global store would leak one user's
 * songs into another's render on the server and keep stale bands alive across navigations in the browser.
 */
export function createSongsStore(initial: Song[]) {
  return createStore<SongsStore>()((set) => ({
    songs: [...initial].sort(compareSongs),
    applyInsert: (song) => set((state) => applyInsert(state, song)),
    applyUpdate: (song) => set((state) => applyUpdate(state, song)),
    applyDelete: (id) => set((state) => applyDelete(state, id)),
    applySnapshot: (rows) => set((state) => applySnapshot(state, rows)),
  }));
}

export type SongsStoreApi = ReturnType<typeof createSongsStore>;
