import { describe, expect, it } from 'vitest';
import type { LearnStatusRow, SetlistItem, Song } from '@/lib/database.types';
import { notReady } from './readiness';

const song = (id: string) => ({ id, title: id.toUpperCase() }) as Song;
const item = (setlist_id: string, song_id: string | null, position: string) => ({ id: `${setlist_id}-${position}`, setlist_id, song_id, kind: song_id ? 'song' : 'break', position }) as SetlistItem;
const learn = (song_id: string, user_id: string, status: LearnStatusRow['status']) => ({ song_id, user_id, status }) as LearnStatusRow;

describe('readiness for a show', () => {
  it('lists the setlist songs some member has not marked ready (not set counts), in set order, each once', () => {
    const items = [item('s1', 'b', 'a1'), item('s1', null, 'a2'), item('s1', 'a', 'a3'), item('s1', 'b', 'a4'), item('s2', 'c', 'a1')];
    const rows = [learn('a', 'sam', 'ready'), learn('b', 'sam', 'learning'), learn('b', 'alex', 'new'), learn('c', 'sam', 'new')];
    const result = notReady('s1', items, [song('a'), song('b'), song('c')], rows, ['sam', 'alex']);
    expect(result.map((entry) => entry.song.id)).toEqual(['b', 'a']);
    expect(result[0]!.members).toEqual([{ userId: 'sam', status: 'learning' }, { userId: 'alex', status: 'new' }]);
    expect(result[1]!.members).toEqual([{ userId: 'alex', status: 'not set' }]);
    const allReady = [...rows, learn('a', 'alex', 'ready'), learn('b', 'sam', 'ready'), learn('b', 'alex', 'ready')].filter((row) => row.song_id !== 'b' || row.status === 'ready');
    expect(notReady('s1', items, [song('a'), song('b')], allReady, ['sam', 'alex'])).toEqual([]);
  });

  it('is empty without a setlist', () => {
    expect(notReady(null, [], [], [], ['sam'])).toEqual([]);
  });
});
