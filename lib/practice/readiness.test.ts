import { describe, expect, it } from 'vitest';
import type { LearnState } from '@/lib/database.types';
import { notReady, readinessLine, type LearnBySong } from './readiness';

const songs = [{ id: 'anthem' }, { id: 'ballad' }, { id: 'closer' }];
const learn = (entries: Array<[string, Array<[string, LearnState]>]>): LearnBySong => new Map(entries.map(([song, members]) => [song, new Map(members)]));

describe('readiness', () => {
  it('a song is ready only when every member said ready; one who has not said counts as not ready', () => {
    const states = learn([
      ['anthem', [['alice', 'ready'], ['bob', 'ready']]],
      ['ballad', [['alice', 'ready'], ['bob', 'learning']]],
      ['closer', [['alice', 'ready']]],
    ]);
    expect(notReady(songs, states, ['alice', 'bob']).map((song) => song.id)).toEqual(['ballad', 'closer']);
    expect(notReady(songs, states, ['alice']).map((song) => song.id)).toEqual([]);
  });

  it('says how many of how many, with the titles, or that all are ready', () => {
    expect(readinessLine(3, ['Closer', 'Anthem'])).toBe('2 of 3 songs not ready: Closer, Anthem');
    expect(readinessLine(1, ['Anthem'])).toBe('1 of 1 song not ready: Anthem');
    expect(readinessLine(8, [])).toBe('All 8 songs are ready.');
    expect(readinessLine(1, [])).toBe('All 1 song is ready.');
  });
});
