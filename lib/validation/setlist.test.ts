import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from './form';
import { itemCreateSchema, itemPatchSchema, parseLength, setlistFieldsSchema } from './setlist';

const BAND = '7f1c2b4e-8f3a-4c1d-9e2f-0a1b2c3d4e5f';
const SETLIST = '0b9d6a3c-1e2f-4a5b-8c7d-6e5f4a3b2c1d';
const ITEM = '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a090';
const SONG = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const base = { id: ITEM, band_id: BAND, setlist_id: SETLIST, position: 'a0' };

const messages = (error: z.ZodError | undefined) => (error?.issues ?? []).map((issue) => issue.message);
const target = (value: unknown) => setlistFieldsSchema.safeParse({ name: 'Friday', target_duration_s: value });

describe('setlist validation', () => {
  it('setlistFieldsSchema: trims, and blanks become null', () => {
    expect(setlistFieldsSchema.parse({ name: '  Friday at the Crown ', target_duration_s: ' ', notes: '  ' })).toEqual({
      name: 'Friday at the Crown',
      target_duration_s: null,
      notes: null,
    });
  });

  it('setlistFieldsSchema: an empty or whitespace name is required', () => {
    for (const name of ['', '   ', undefined]) expect(fieldErrors(setlistFieldsSchema.safeParse({ name }).error!).name, String(name)).toBe('Name is required');
  });

  it('setlistFieldsSchema: a name over 120 characters is refused, with the limit in the message', () => {
    expect(setlistFieldsSchema.safeParse({ name: 'x'.repeat(120) }).success).toBe(true);
    const long = setlistFieldsSchema.safeParse({ name: 'x'.repeat(300) });
    expect(long.success).toBe(false);
    expect(fieldErrors(long.error!).name).toMatch(/120/);
    expect(setlistFieldsSchema.safeParse({ name: 'x'.repeat(121) }).success).toBe(false);
  });

  it('setlistFieldsSchema: target length in minutes, m:ss or h:mm:ss becomes seconds', () => {
    const cases: Array<[unknown, number]> = [['90', 5400], ['1:30:00', 5400], ['45:00', 2700], [' 45 ', 2700], ['10', 600], ['1', 60], ['600', 36_000], [3000, 3000]];
    for (const [value, seconds] of cases) expect(target(value).data?.target_duration_s, String(value)).toBe(seconds);
  });

  it('setlistFieldsSchema: a target that is not a length, under a minute or over ten hours is refused', () => {
    expect(fieldErrors(target('abc').error!).target_duration_s).toBe('Target length looks like 45:00 or 1:30:00');
    expect(fieldErrors(target('45:60').error!).target_duration_s).toBe('Target length looks like 45:00 or 1:30:00');
    for (const value of ['0', '0:59', '0:30']) expect(fieldErrors(target(value).error!).target_duration_s, value).toBe('Target length must be at least 1 min');
    for (const value of ['601', '10:00:01']) expect(fieldErrors(target(value).error!).target_duration_s, value).toBe('Target length must be at most 600 min');
    expect(target('10:00:00').data?.target_duration_s).toBe(36_000);
  });

  it('parseLength: leaves what it cannot read for the schema to refuse', () => {
    expect(parseLength('1:5')).toBe('1:5');
    expect(parseLength('abc')).toBe('abc');
    expect(parseLength(42)).toBe(42);
    expect(parseLength('0:45')).toBe(45);
  });

  it('itemCreateSchema: a song needs a valid song_id; transpose is not part of a create', () => {
    const parsed = itemCreateSchema.parse({ ...base, kind: 'song', song_id: SONG, transpose: 3 });
    expect(parsed).toEqual({ ...base, kind: 'song', song_id: SONG });
    expect(parsed).not.toHaveProperty('transpose');
    const bad = itemCreateSchema.safeParse({ ...base, kind: 'song', song_id: 'not-a-uuid' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['song_id'], message: 'Not a valid id' });
    expect(itemCreateSchema.safeParse({ ...base, kind: 'song' }).success).toBe(false);
  });

  it('itemCreateSchema: a break takes an optional set name and length', () => {
    expect(itemCreateSchema.parse({ ...base, kind: 'break', notes: ' Encore ', duration_override_s: '15' })).toMatchObject({ notes: 'Encore', duration_override_s: 900 });
    expect(itemCreateSchema.parse({ ...base, kind: 'break' })).toMatchObject({ notes: null, duration_override_s: null });
    expect(messages(itemCreateSchema.safeParse({ ...base, kind: 'break', notes: 'x'.repeat(61) }).error)).toEqual(['A set name is at most 60 characters']);
    expect(messages(itemCreateSchema.safeParse({ ...base, kind: 'break', duration_override_s: '121' }).error)).toEqual(['Break length must be at most 120 min']);
  });

  it('itemCreateSchema: a note needs text, at most 500 characters', () => {
    expect(itemCreateSchema.parse({ ...base, kind: 'note', notes: ' Capo 2 ' })).toMatchObject({ kind: 'note', notes: 'Capo 2' });
    expect(messages(itemCreateSchema.safeParse({ ...base, kind: 'note', notes: '  ' }).error)).toEqual(['Write the note']);
    expect(messages(itemCreateSchema.safeParse({ ...base, kind: 'note', notes: 'x'.repeat(501) }).error)).toEqual(['A note is at most 500 characters']);
    expect(itemCreateSchema.safeParse({ ...base, kind: 'solo', notes: 'x' }).success).toBe(false);
  });

  it('itemCreateSchema: a position that is not an order key is refused', () => {
    for (const position of ['not a key', '', 'a00']) {
      const result = itemCreateSchema.safeParse({ ...base, position, kind: 'note', notes: 'x' });
      expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]), position).toEqual([['position', 'Not a valid position']]);
    }
    expect(itemCreateSchema.safeParse({ ...base, position: 'a0V', kind: 'note', notes: 'x' }).success).toBe(true);
  });

  it('itemPatchSchema: transpose is a whole number from −11 to +11, coerced from text', () => {
    const patch = (value: unknown) => itemPatchSchema.safeParse({ id: ITEM, band_id: BAND, patch: { transpose: value } });
    expect(patch('3').data?.patch).toEqual({ transpose: 3 });
    expect(patch(-11).data?.patch).toEqual({ transpose: -11 });
    expect(patch(11).data?.patch).toEqual({ transpose: 11 });
    for (const value of [99, -12, 12, '-12']) {
      const result = patch(value);
      expect(messages(result.error), String(value)).toEqual(['Transpose is between −11 and +11 semitones']);
      expect(result.error!.issues[0]!.path).toEqual(['patch', 'transpose']);
    }
    expect(messages(patch(1.5).error)).toEqual(['Transpose is a whole number of semitones']);
  });

  it('itemPatchSchema: an empty patch is refused', () => {
    expect(messages(itemPatchSchema.safeParse({ id: ITEM, band_id: BAND, patch: {} }).error)).toEqual(['Nothing to change']);
  });

  it('itemPatchSchema: a position is validated; one field at a time is accepted', () => {
    const patch = (fields: Record<string, unknown>) => itemPatchSchema.safeParse({ id: ITEM, band_id: BAND, patch: fields });
    expect(messages(patch({ position: 'not a key' }).error)).toEqual(['Not a valid position']);
    expect(patch({ position: 'a0V' }).data?.patch).toEqual({ position: 'a0V' });
    expect(patch({ notes: '  ' }).data?.patch).toEqual({ notes: null });
    expect(patch({ duration_override_s: '3:30' }).data?.patch).toEqual({ duration_override_s: 210 });
    expect(messages(patch({ notes: 'x'.repeat(501) }).error)).toEqual(['Notes are at most 500 characters']);
  });
});
