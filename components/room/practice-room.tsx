'use client';

import { useMemo } from 'react';
import { useCalendarChannels, useCalendarMe } from '@/components/calendar/calendar-live';
import { LearnChips, MyLearnStatus } from '@/components/practice/learn-status';
import { useLearnBySong } from '@/components/practice/use-learn-status';
import { BackLink } from '@/components/ui/back-link';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { FormMessage } from '@/components/ui/form-message';
import { formatDate } from '@/lib/calendar/zoned';
import { worstConnection } from '@/lib/live/connection';
import { usePracticeItemsStore, usePracticeSessionsStore, useSongsStore } from '@/lib/live/stores';
import { practiceRoomItems } from '@/lib/rooms/items';
import { CurrentItem } from './current-item';
import { ItemTimer } from './item-timer';
import { RoomControls } from './room-controls';
import { RoomLeaderBar } from './room-leader-bar';
import { RoomLiveBanner } from './room-live-banner';
import { useRoomChannel } from './room-live';
import { RoomNotes } from './room-notes';
import { RoomStart } from './room-start';
import { RunningOrder } from './running-order';
import { useRoom } from './use-room';
import { useMyOffsets } from './use-my-offsets';
import { useRoomNavigation } from './use-room-navigation';

/** A practice's live room: the leader moves through the agenda, every member's screen follows. */
export function PracticeRoom({ bandId, practiceId, offsets }: { bandId: string; practiceId: string; offsets: Record<string, number> }) {
  const connection = worstConnection([useCalendarChannels(bandId), useRoomChannel(bandId, 'practice', practiceId)]);
  const { userId, members } = useCalendarMe();
  const practice = usePracticeSessionsStore((store) => store.rows.find((row) => row.id === practiceId));
  const agendaRows = usePracticeItemsStore((store) => store.rows);
  const songRows = useSongsStore((store) => store.rows);
  const items = useMemo(
    () => practiceRoomItems(agendaRows.filter((item) => item.session_id === practiceId), new Map(songRows.map((song) => [song.id, song]))),
    [agendaRows, songRows, practiceId],
  );
  const state = useRoom('practice', practiceId, userId);
  const { open, leading, actions, moveTo, error, run } = state;
  const current = open?.item_id ?? null;
  const navigation = useRoomNavigation(items, current, leading, moveTo);
  const learn = useLearnBySong();
  const shown = items.find((item) => item.id === navigation.shown);
  const mine = useMyOffsets(bandId, offsets);
  const backHref = `/bands/${bandId}/practice/${practiceId}`;

  if (!practice) return <p role="alert">This practice was deleted by a bandmate.</p>;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <BackLink href={backHref}>Practice</BackLink>
          <h2 className="text-xl font-bold">Practice room · {formatDate(practice.starts_at, practice.time_zone)}</h2>
        </div>
        <ConnectionIndicator channel={connection} />
      </div>
      <RoomLiveBanner connection={connection} />
      <FormMessage message={error} />
      {open ? (
        <>
          <RoomLeaderBar state={state} members={members} userId={userId} endLabel="End practice" />
          <RoomControls items={items} current={current} leading={leading} navigation={navigation} />
          <CurrentItem item={shown} offset={mine.offsetOf(shown?.song?.id)} offsetControl={mine.control(shown?.song?.id)} />
          {shown && shown.id === current ? <ItemTimer since={open.item_started_at} earlier={open.seconds[shown.id] ?? 0} /> : null}
          {shown?.song ? (
            <section aria-label="Learn status" className="flex flex-col gap-2">
              <LearnChips title={shown.song.title} statuses={learn.get(shown.song.id)} />
              <MyLearnStatus bandId={bandId} songId={shown.song.id} title={shown.song.title} status={learn.get(shown.song.id)?.get(userId)} />
            </section>
          ) : null}
          {shown ? <RoomNotes bandId={bandId} practiceId={practiceId} itemId={shown.id} userId={userId} members={members} /> : null}
          <section aria-labelledby="room-agenda" className="flex flex-col gap-2">
            <h3 id="room-agenda" className="font-semibold">
              Agenda
            </h3>
            <RunningOrder items={items} current={current} shown={navigation.shown} leading={leading} onPick={navigation.lookAt} />
          </section>
        </>
      ) : (
        <RoomStart label="Start practice" onStart={() => void run(actions.open('practice', practiceId))} empty={items.length === 0 ? 'Add songs to the agenda first; the room runs through them.' : undefined} />
      )}
    </div>
  );
}
