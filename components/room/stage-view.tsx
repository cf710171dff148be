'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useCalendarChannels, useCalendarMe } from '@/components/calendar/calendar-live';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { FormMessage } from '@/components/ui/form-message';
import { timeIn } from '@/lib/calendar/zoned';
import { worstConnection } from '@/lib/live/connection';
import { useSetlistItemsStore, useShowsStore, useSongsStore } from '@/lib/live/stores';
import { compareItems } from '@/lib/order/keys';
import { stageRoomItems } from '@/lib/rooms/items';
import { CurrentItem } from './current-item';
import { RoomControls } from './room-controls';
import { RoomLeaderBar } from './room-leader-bar';
import { RoomLiveBanner } from './room-live-banner';
import { useRoomChannel } from './room-live';
import { RoomStart } from './room-start';
import { RunningOrder } from './running-order';
import { SetClock } from './set-clock';
import { UpNext } from './up-next';
import { useRoom } from './use-room';
import { useMyOffsets } from './use-my-offsets';
import { useRoomNavigation } from './use-room-navigation';
import { useWakeLock } from './use-wake-lock';

/**
 * Stage mode: a full-screen, high-contrast run view of the show's setlist. The current song is large with its
 * chart, then what is up next; the leader's pedal moves every screen; the screen stays on.
 */
export function StageView({ bandId, showId, offsets }: { bandId: string; showId: string; offsets: Record<string, number> }) {
  const connection = worstConnection([useCalendarChannels(bandId), useRoomChannel(bandId, 'show', showId)]);
  const { userId, members } = useCalendarMe();
  const show = useShowsStore((store) => store.rows.find((row) => row.id === showId));
  const itemRows = useSetlistItemsStore((store) => store.rows);
  const songRows = useSongsStore((store) => store.rows);
  const setlistId = show?.setlist_id;
  const items = useMemo(
    () => stageRoomItems(itemRows.filter((item) => item.setlist_id === setlistId).sort(compareItems), new Map(songRows.map((song) => [song.id, song]))),
    [itemRows, songRows, setlistId],
  );
  const state = useRoom('show', showId, userId);
  const { open, leading, actions, moveTo, error, run } = state;
  const current = open?.item_id ?? null;
  const navigation = useRoomNavigation(items, current, leading, moveTo);
  const wakeLock = useWakeLock(Boolean(open));
  const shown = items.find((item) => item.id === navigation.shown);
  const mine = useMyOffsets(bandId, offsets);
  const planned = show?.set_end_at ? (Date.parse(show.set_end_at) - Date.parse(show.set_start_at ?? show.starts_at)) / 1000 : sumOf(items);

  return (
    <div className="fixed inset-0 z-50 overflow-y-auto bg-black p-3 text-white sm:p-5" data-testid="stage">
      <header className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <Link href={`/bands/${bandId}/shows/${showId}`} className="inline-flex min-h-11 items-center text-amp-400 underline">
          Leave stage mode
        </Link>
        <p className="text-sm font-semibold text-zinc-300">{show?.title ?? 'Show'}</p>
        {open ? <SetClock startedAt={open.started_at} plannedSeconds={planned} endsAt={show?.set_end_at ? timeIn(show.set_end_at, show.time_zone) : undefined} /> : null}
        <ConnectionIndicator channel={connection} />
      </header>
      <div className="flex flex-col gap-3">
        <RoomLiveBanner connection={connection} />
        <FormMessage message={error} />
        {!show ? <p role="alert">This show was deleted by a bandmate.</p> : null}
        {show && !open ? (
          <RoomStart label="Start the show" onStart={() => void run(actions.open('show', showId))} empty={items.some((item) => item.kind === 'song') ? undefined : 'Pick a setlist with songs for this show first.'} />
        ) : null}
        {open ? (
          <div className="grid gap-4 landscape:grid-cols-[2fr_1fr] lg:grid-cols-[2fr_1fr]">
            <CurrentItem item={shown} offset={mine.offsetOf(shown?.song?.id)} offsetControl={mine.control(shown?.song?.id)} variant="stage" />
            <aside className="flex flex-col gap-3">
              <UpNext items={items} from={navigation.shown} />
              <RoomControls items={items} current={current} leading={leading} navigation={navigation} large />
              <RoomLeaderBar state={state} members={members} userId={userId} endLabel="End the show" />
              <p className="text-xs text-zinc-400" data-field="wake-lock">
                {wakeLock === 'on' ? 'The screen stays on.' : wakeLock === 'unsupported' ? 'This browser cannot keep the screen on; turn off auto-lock.' : 'The screen may dim; turn off auto-lock.'}
              </p>
              <details>
                <summary className="flex min-h-11 cursor-pointer items-center">Setlist</summary>
                <RunningOrder items={items} current={current} shown={navigation.shown} leading={leading} onPick={navigation.lookAt} />
              </details>
            </aside>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function sumOf(items: { durationS: number | null }[]): number | null {
  const total = items.reduce((sum, item) => sum + (item.durationS ?? 0), 0);
  return total > 0 ? total : null;
}
