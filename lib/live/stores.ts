'use client';

import { createLiveContext } from './store-context';
import { setlistItemsTable, setlistsTable } from './tables/setlists';
import { songsTable } from './tables/songs';

// One per-mount store context per live table (client side only; the definitions themselves are plain modules).

const songs = createLiveContext(songsTable);
export const SongsStoreProvider = songs.LiveStoreProvider;
export const useSongsStore = songs.useLiveStore;
export const useSongsStoreApi = songs.useLiveStoreApi;

const setlists = createLiveContext(setlistsTable);
export const SetlistsStoreProvider = setlists.LiveStoreProvider;
export const useSetlistsStore = setlists.useLiveStore;
export const useSetlistsStoreApi = setlists.useLiveStoreApi;

const setlistItems = createLiveContext(setlistItemsTable);
export const SetlistItemsStoreProvider = setlistItems.LiveStoreProvider;
export const useSetlistItemsStore = setlistItems.useLiveStore;
export const useSetlistItemsStoreApi = setlistItems.useLiveStoreApi;
