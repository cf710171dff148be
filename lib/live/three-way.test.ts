import { describe, expect, it } from 'vitest';
import { mergeThreeWay, sameValue } from './three-way';

type Song = { title: string; tempo_bpm: number | null; key: string | null; notes: string | null };
const base: Song = { title: 'Valerie', tempo_bpm: 106, key: 'Eb', notes: null };

describe('mergeThreeWay', () => {
  it('keeps a field only I changed and leaves a field only they changed alone', () => {
    const theirs = { ...base, title: 'Valerie (live)' };
    expect(mergeThreeWay<Song>(base, { ...base, tempo_bpm: 120 }, theirs)).toEqual({ patch: { tempo_bpm: 120 }, conflicts: [] });
  });

  it('names only the fields both sides changed differently, with both values', () => {
    const theirs = { ...base, title: 'Valerie (live)', tempo_bpm: 110 };
    const mine = { ...base, tempo_bpm: 120, notes: 'count in 4' };
    expect(mergeThreeWay<Song>(base, mine, theirs)).toEqual({
      patch: { notes: 'count in 4' },
      conflicts: [{ field: 'tempo_bpm', mine: 120, theirs: 110 }],
    });
  });

  it('does not call it a conflict when both sides made the same change', () => {
    const theirs = { ...base, tempo_bpm: 120 };
    expect(mergeThreeWay<Song>(base, { ...base, tempo_bpm: 120 }, theirs)).toEqual({ patch: {}, conflicts: [] });
  });

  it('replaying an edit that was already saved writes nothing (idempotent)', () => {
    const mine = { ...base, title: 'Valerie (slow)', key: null };
    const saved = { ...mine };
    expect(mergeThreeWay<Song>(base, mine, saved)).toEqual({ patch: {}, conflicts: [] });
  });

  it('treats clearing a field (null) as a change like any other', () => {
    const theirs = { ...base, key: 'E' };
    expect(mergeThreeWay<Song>(base, { ...base, key: null }, theirs).conflicts).toEqual([{ field: 'key', mine: null, theirs: 'E' }]);
    expect(mergeThreeWay<Song>(base, { ...base, key: null }, base).patch).toEqual({ key: null });
  });

  it('without a base value for a field, merges only when both ended equal', () => {
    const theirs = { ...base, tempo_bpm: 110 };
    expect(mergeThreeWay<Song>({}, { tempo_bpm: 110 }, theirs)).toEqual({ patch: {}, conflicts: [] });
    expect(mergeThreeWay<Song>({}, { tempo_bpm: 120 }, theirs).conflicts).toEqual([{ field: 'tempo_bpm', mine: 120, theirs: 110 }]);
  });

  it('compares JSON values by content', () => {
    expect(sameValue({ a: [1, 2] }, { a: [1, 2] })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue(null, 0)).toBe(false);
  });
});
