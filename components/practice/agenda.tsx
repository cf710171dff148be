'use client';

import { useCallback, useMemo } from 'react';
import { useCalendarMe } from '@/components/calendar/calendar-live';
import type { LearnState, PracticeItemRow, Song } from '@/lib/database.types';
import { SortableList } from '@/components/ui/sortable-list';
import { AgendaRow } from './agenda-row';
import type { AgendaActions } from './use-agenda-actions';

type Props = { agenda: PracticeItemRow[]; songs: Map<string, Song>; learn: Map<string, Map<string, LearnState>>; actions: AgendaActions };

/** The agenda as one sortable list (the setlists' SortableList), each song with its goal and learn status. */
export function Agenda({ agenda, songs, learn, actions }: Props) {
  const { userId } = useCalendarMe();
  const ids = useMemo(() => agenda.map((item) => item.id), [agenda]);
  const titleOf = useCallback((item: PracticeItemRow | undefined) => songs.get(item?.song_id ?? '')?.title ?? 'Unknown song', [songs]);
  const title = useCallback((id: string) => titleOf(agenda.find((item) => item.id === id)), [agenda, titleOf]);
  const onMove = useCallback(
    (id: string, toIndex: number) => {
      const item = agenda.find((candidate) => candidate.id === id);
      if (item) void actions.move(item, toIndex);
    },
    [agenda, actions],
  );
  return (
    <SortableList ids={ids} label="Agenda" title={title} onMove={onMove}>
      {agenda.map((item, index) => (
        <AgendaRow
          key={item.id}
          item={item}
          title={titleOf(item)}
          index={index}
          count={agenda.length}
          statuses={learn.get(item.song_id)}
          myStatus={learn.get(item.song_id)?.get(userId)}
          actions={actions}
        />
      ))}
    </SortableList>
  );
}
