import { describe, expect, it } from 'vitest';
import { fieldErrors } from './form';
import { formatDuration, parseDuration, parseSongBase, songCreateSchema, songFieldsSchema, songUpdateSchema } from './song';

const BAND = '7f1c2b4e-8f3a-4c1d-9e2f-0a1b2c3d4e5f';

describe('song validation', () => {
  it('songFieldsSchema: blanks become null and numbers are coerced', () => {
    const parsed = songFieldsSchema.parse({ title: '  Valerie ', artist: '', key: 'Eb', tempo_bpm: '106', duration_s: '3:54', status: 'ready', notes: ' ' });
    expect(parsed).toEqual({ title: 'Valerie', artist: null, key: 'Eb', tempo_bpm: 106, duration_s: 234, status: 'ready', notes: null });
  });

  it('songFieldsSchema: status defaults to learning', () => {
    expect(songFieldsSchema.parse({ title: 'x' }).status).toBe('learning');
  });

  it('songFieldsSchema: reports each bad field by name, matching the SQL checks', () => {
    const result = songFieldsSchema.safeParse({ title: '', key: 'H', tempo_bpm: '19', duration_s: '7201', status: 'gigging' });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    expect(Object.keys(errors).sort()).toEqual(['duration_s', 'key', 'status', 'tempo_bpm', 'title']);
    expect(errors.tempo_bpm).toBe('Tempo must be at least 20');
    expect(errors.duration_s).toBe('Duration must be at most 7200');
  });

  it('songFieldsSchema: accepts the tempo and duration bounds and refuses non-integers', () => {
    expect(songFieldsSchema.safeParse({ title: 'x', tempo_bpm: '20', duration_s: '1' }).success).toBe(true);
    expect(songFieldsSchema.safeParse({ title: 'x', tempo_bpm: '400', duration_s: '7200' }).success).toBe(true);
    expect(songFieldsSchema.safeParse({ title: 'x', tempo_bpm: '120.5' }).success).toBe(false);
    expect(songFieldsSchema.safeParse({ title: 'x', tempo_bpm: 'fast' }).success).toBe(false);
  });

  it('songFieldsSchema: key follows root, accidental, minor', () => {
    for (const key of ['C', 'F#', 'Bb', 'Am', 'C#m', 'Ebm']) expect(songFieldsSchema.safeParse({ title: 'x', key }).success, key).toBe(true);
    for (const key of ['c', 'H', 'C##', 'Amaj', 'm']) expect(songFieldsSchema.safeParse({ title: 'x', key }).success, key).toBe(false);
  });

  it('songFieldsSchema: title over 200 characters is refused', () => {
    expect(songFieldsSchema.safeParse({ title: 'a'.repeat(200) }).success).toBe(true);
    expect(songFieldsSchema.safeParse({ title: 'a'.repeat(201) }).success).toBe(false);
  });

  it('songUpdateSchema: requires the id, band and the version the edit started from', () => {
    expect(songUpdateSchema.safeParse({ title: 'x', id: BAND, band_id: BAND, version: '3' }).data?.version).toBe(3);
    expect(songUpdateSchema.safeParse({ title: 'x', id: BAND, band_id: BAND }).success).toBe(false);
    // 0 is a song added on this device and not yet saved; below that is nonsense.
    expect(songUpdateSchema.safeParse({ title: 'x', id: BAND, band_id: BAND, version: '0' }).success).toBe(true);
    expect(songUpdateSchema.safeParse({ title: 'x', id: BAND, band_id: BAND, version: '-1' }).success).toBe(false);
    expect(parseSongBase('{"title":"x","tempo_bpm":120,"extra":1}')).toEqual({ title: 'x', tempo_bpm: 120 });
    expect(parseSongBase('not json')).toEqual({});
    expect(parseSongBase('{"tempo_bpm":"fast"}')).toEqual({});
    expect(songCreateSchema.safeParse({ title: 'x', band_id: 'not-a-uuid' }).success).toBe(false);
  });

  it('parseDuration: m:ss to seconds, anything else untouched', () => {
    expect(parseDuration('4:05')).toBe(245);
    expect(parseDuration('245')).toBe('245');
    expect(parseDuration('4:75')).toBe('4:75');
  });

  it('formatDuration: seconds to m:ss', () => {
    expect(formatDuration(245)).toBe('4:05');
    expect(formatDuration(59)).toBe('0:59');
    expect(formatDuration(null)).toBe('');
  });
});

describe('song chart field', () => {
  it('songFieldsSchema: an absent chart is left out, so an edit without it never clears the chart', () => {
    const parsed = songFieldsSchema.parse({ title: 'x' });
    expect('chart' in parsed).toBe(false);
  });

  it('songFieldsSchema: a blank chart means no chart', () => {
    expect(songFieldsSchema.parse({ title: 'x', chart: '  \n' }).chart).toBeNull();
  });

  it('songFieldsSchema: a chart over 20,000 characters is refused in words', () => {
    const result = songFieldsSchema.safeParse({ title: 'x', chart: 'a'.repeat(20_001) });
    expect(result.error?.issues[0]?.message).toBe('Charts can be up to 20,000 characters');
    expect(songFieldsSchema.safeParse({ title: 'x', chart: 'a'.repeat(20_000) }).success).toBe(true);
  });
});
