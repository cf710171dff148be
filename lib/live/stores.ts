'use client';

import { createLiveContext } from './store-context';
import { setlistItemsTable, setlistsTable } from './tables/setlists';
import { songsTable } from './tables/songs';
import { bandMembersTable, bandsTable } from './tables/bands';
import { liveRoomsTable, practiceNotesTable } from './tables/rooms';
import { availabilityTable, learnStatusTable, practiceItemsTable, practiceSessionsTable, showsTable, unavailableDatesTable } from './tables/calendar';

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

const shows = createLiveContext(showsTable);
export const ShowsStoreProvider = shows.LiveStoreProvider;
export const useShowsStore = shows.useLiveStore;
export const useShowsStoreApi = shows.useLiveStoreApi;

const practiceSessions = createLiveContext(practiceSessionsTable);
export const PracticeSessionsStoreProvider = practiceSessions.LiveStoreProvider;
export const usePracticeSessionsStore = practiceSessions.useLiveStore;
export const usePracticeSessionsStoreApi = practiceSessions.useLiveStoreApi;

const practiceItems = createLiveContext(practiceItemsTable);
export const PracticeItemsStoreProvider = practiceItems.LiveStoreProvider;
export const usePracticeItemsStore = practiceItems.useLiveStore;
export const usePracticeItemsStoreApi = practiceItems.useLiveStoreApi;

const learnStatus = createLiveContext(learnStatusTable);
export const LearnStatusStoreProvider = learnStatus.LiveStoreProvider;
export const useLearnStatusStore = learnStatus.useLiveStore;
export const useLearnStatusStoreApi = learnStatus.useLiveStoreApi;

const availability = createLiveContext(availabilityTable);
export const AvailabilityStoreProvider = availability.LiveStoreProvider;
export const useAvailabilityStore = availability.useLiveStore;
export const useAvailabilityStoreApi = availability.useLiveStoreApi;

const unavailableDates = createLiveContext(unavailableDatesTable);
export const UnavailableDatesStoreProvider = unavailableDates.LiveStoreProvider;
export const useUnavailableDatesStore = unavailableDates.useLiveStore;
export const useUnavailableDatesStoreApi = unavailableDates.useLiveStoreApi;

const bands = createLiveContext(bandsTable);
export const BandsStoreProvider = bands.LiveStoreProvider;
export const useBandsStore = bands.useLiveStore;
export const useBandsStoreApi = bands.useLiveStoreApi;

const bandMembers = createLiveContext(bandMembersTable);
export const BandMembersStoreProvider = bandMembers.LiveStoreProvider;
export const useBandMembersStore = bandMembers.useLiveStore;
export const useBandMembersStoreApi = bandMembers.useLiveStoreApi;

const liveRooms = createLiveContext(liveRoomsTable);
export const LiveRoomsStoreProvider = liveRooms.LiveStoreProvider;
export const useLiveRoomsStore = liveRooms.useLiveStore;
export const useLiveRoomsStoreApi = liveRooms.useLiveStoreApi;

const practiceNotes = createLiveContext(practiceNotesTable);
export const PracticeNotesStoreProvider = practiceNotes.LiveStoreProvider;
export const usePracticeNotesStore = practiceNotes.useLiveStore;
export const usePracticeNotesStoreApi = practiceNotes.useLiveStoreApi;
