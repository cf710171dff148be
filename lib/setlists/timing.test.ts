import { describe, expect, it } from 'vitest';
import { againstTarget, clock, setlistTiming, type TimedItem } from './timing';

const song = (id: string, song_id: string, duration_override_s: number | null = null): TimedItem => ({ id, kind: 'song', song_id, duration_override_s, notes: null });
const brk = (id: string, duration_override_s: number | null, notes: string | null = null): TimedItem => ({ id, kind: 'break', song_id: null, duration_override_s, notes });
const note = (id: string, notes: string, duration_override_s: number | null = null): TimedItem => ({ id, kind: 'note', song_id: null, duration_override_s, notes });

const LIBRARY: Record<string, number | null> = { valerie: 234, wonderwall: 258, superstition: 245, unknown: null, short: 100 };
const songSeconds = (songId: string) => LIBRARY[songId] ?? null;

describe('setlist timing', () => {
  it('setlistTiming: an empty setlist is one empty set', () => {
    expect(setlistTiming([], songSeconds)).toEqual({
      sets: [{ name: 'Set 1', songs: 0, seconds: 0, unknown: 0, itemIds: [] }],
      breakSeconds: 0,
      totalSeconds: 0,
      unknown: 0,
    });
  });

  it('setlistTiming: splits sets at breaks, named by the break notes, else Set N', () => {
    const timing = setlistTiming(
      [song('1', 'valerie'), brk('b1', 900), song('2', 'wonderwall'), brk('b2', 300, '  Encore '), song('3', 'superstition')],
      songSeconds,
    );
    expect(timing.sets.map((set) => set.name)).toEqual(['Set 1', 'Set 2', 'Encore']);
    expect(timing.sets.map((set) => set.itemIds)).toEqual([['1'], ['2'], ['3']]);
    expect(timing.sets.map((set) => set.seconds)).toEqual([234, 258, 245]);
  });

  it('setlistTiming: a break with blank notes is numbered', () => {
    const timing = setlistTiming([song('1', 'valerie'), brk('b1', null, '   ')], songSeconds);
    expect(timing.sets.map((set) => set.name)).toEqual(['Set 1', 'Set 2']);
  });

  it('setlistTiming: a song counts its override instead of its own duration, and an override of 0 is known', () => {
    const timing = setlistTiming([song('1', 'valerie', 300), song('2', 'short'), song('3', 'unknown', 0), song('4', 'unknown', 60)], songSeconds);
    expect(timing.sets[0]).toMatchObject({ songs: 4, seconds: 300 + 100 + 0 + 60, unknown: 0 });
    expect(timing.unknown).toBe(0);
  });

  it('setlistTiming: break lengths count in the total, not in any set', () => {
    const timing = setlistTiming([song('1', 'valerie'), brk('b1', 900), song('2', 'short'), brk('b2', null), brk('b3', 120)], songSeconds);
    expect(timing.breakSeconds).toBe(1020);
    expect(timing.sets.map((set) => set.seconds)).toEqual([234, 100, 0, 0]);
    expect(timing.totalSeconds).toBe(234 + 100 + 1020);
    // A break is a divider, not an item of any set.
    expect(timing.sets.flatMap((set) => set.itemIds)).toEqual(['1', '2']);
  });

  it('setlistTiming: notes are listed in their set but count no time and are not songs', () => {
    const timing = setlistTiming([note('n1', 'Tune to drop D', 999), song('1', 'valerie'), note('n2', 'Thank the bar staff')], songSeconds);
    expect(timing.sets[0]).toEqual({ name: 'Set 1', songs: 1, seconds: 234, unknown: 0, itemIds: ['n1', '1', 'n2'] });
    expect(timing.totalSeconds).toBe(234);
  });

  it('setlistTiming: songs without a known duration are counted in unknown, per set and overall', () => {
    const timing = setlistTiming(
      [song('1', 'unknown'), song('2', 'valerie'), song('3', 'not-in-library'), brk('b', 600), song('4', 'unknown'), song('5', 'short')],
      songSeconds,
    );
    expect(timing.sets.map((set) => [set.songs, set.seconds, set.unknown])).toEqual([
      [3, 234, 2],
      [2, 100, 1],
    ]);
    expect(timing.unknown).toBe(3);
    expect(timing.totalSeconds).toBe(234 + 100 + 600);
  });

  it('setlistTiming: asks the library only for songs without an override', () => {
    const asked: string[] = [];
    setlistTiming([song('1', 'valerie', 200), song('2', 'short'), note('n', 'x')], (id) => {
      asked.push(id);
      return songSeconds(id);
    });
    expect(asked).toEqual(['short']);
  });

  it('clock: m:ss under an hour, h:mm:ss from an hour', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(5)).toBe('0:05');
    expect(clock(225)).toBe('3:45');
    expect(clock(3599)).toBe('59:59');
    expect(clock(3600)).toBe('1:00:00');
    expect(clock(3725)).toBe('1:02:05');
    expect(clock(36_000)).toBe('10:00:00');
  });

  it('clock: rounds to the second and drops the sign (againstTarget says over or under)', () => {
    expect(clock(59.6)).toBe('1:00');
    expect(clock(224.4)).toBe('3:44');
    expect(clock(-225)).toBe('3:45');
    expect(clock(-3725)).toBe('1:02:05');
  });

  it('againstTarget: over, under, on target, and no target', () => {
    expect(againstTarget(2830, 2700)).toEqual({ label: '2:10 over', tone: 'over' });
    expect(againstTarget(2655, 2700)).toEqual({ label: '0:45 under', tone: 'under' });
    expect(againstTarget(9000, 5400)).toEqual({ label: '1:00:00 over', tone: 'over' });
    expect(againstTarget(2700, 2700)).toEqual({ label: 'on target', tone: 'on' });
    expect(againstTarget(2700, null)).toBeNull();
    expect(againstTarget(0, 0)).toEqual({ label: 'on target', tone: 'on' });
  });
});
