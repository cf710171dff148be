import { describe, expect, it } from 'vitest';
import { fieldErrors } from './form';
import { agendaItemCreateSchema, agendaItemPatchSchema, learnStatusSchema, parsePracticeFields } from './practice';

const BAND = '7f1c2b4e-8f3a-4c1d-9e2f-0a1b2c3d4e5f';
const SESSION = '0b9d6a3c-1e2f-4a5b-8c7d-6e5f4a3b2c1d';
const ITEM = '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a090';
const SONG = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const form = { date: '2026-12-09', starts_at: '19:00', ends_at: '22:00', time_zone: 'Europe/Lisbon' };
const parsed = (values: Record<string, unknown>) => parsePracticeFields({ ...form, ...values });
const errorsOf = (values: Record<string, unknown>) => {
  const result = parsed(values);
  return 'errors' in result ? result.errors : {};
};

describe('parsePracticeFields', () => {
  it('turns the form into the row', () => {
    expect(parsed({ location: ' Room 4 ', notes: '' })).toEqual({
      fields: { time_zone: 'Europe/Lisbon', location: 'Room 4', notes: null, starts_at: '2026-12-09T19:00:00+00:00', ends_at: '2026-12-09T22:00:00+00:00' },
    });
  });

  it('the end comes after the start; an evening practice may end after midnight', () => {
    expect(errorsOf({ ends_at: '18:00' })).toEqual({ ends_at: 'The end must be after the start' });
    expect(errorsOf({ ends_at: '19:00' })).toEqual({ ends_at: 'The end must be after the start' });
    expect(errorsOf({ starts_at: '10:00', ends_at: '02:00' })).toEqual({ ends_at: 'The end must be after the start' });
    expect(parsed({ starts_at: '21:00', ends_at: '01:00' })).toMatchObject({ fields: { ends_at: '2026-12-10T01:00:00+00:00' } });
  });

  it('refuses bad dates, times and zones on their fields', () => {
    expect(errorsOf({ date: '2026-02-30' }).date).toBe('That date does not exist');
    expect(errorsOf({ starts_at: '25:00' }).starts_at).toBe('Time looks like 21:30 (24-hour)');
    expect(errorsOf({ ends_at: undefined }).ends_at).toBe('Time is required');
    expect(errorsOf({ time_zone: 'CET' }).time_zone).toBe('Pick a time zone by city, e.g. Europe/Lisbon (not an abbreviation like CET)');
    expect(errorsOf({ location: 'x'.repeat(201) }).location).toBe('Location must be at most 200 characters');
    expect(errorsOf({ notes: 'x'.repeat(2001) }).notes).toBe('Notes must be at most 2000 characters');
  });

  it('a start the clocks skip is an error on the start', () => {
    // New York springs forward on 2027-03-14 at 02:00 → 03:00.
    expect(errorsOf({ date: '2027-03-14', starts_at: '02:30', ends_at: '04:00', time_zone: 'America/New_York' })).toEqual({
      starts_at: '02:30 does not exist on 2027-03-14 in America/New_York (the clocks go forward)',
    });
  });
});

describe('agenda items and learn status', () => {
  const item = { id: ITEM, band_id: BAND, session_id: SESSION, song_id: SONG, position: 'a0' };

  it('a goal is at most 200 characters; blank is none', () => {
    expect(agendaItemCreateSchema.parse({ ...item, goal: ' Nail the bridge ' }).goal).toBe('Nail the bridge');
    expect(agendaItemCreateSchema.parse({ ...item, goal: '  ' }).goal).toBeNull();
    expect(agendaItemCreateSchema.safeParse({ ...item, goal: 'x'.repeat(200) }).success).toBe(true);
    expect(fieldErrors(agendaItemCreateSchema.safeParse({ ...item, goal: 'x'.repeat(201) }).error!)).toEqual({ goal: 'A goal is at most 200 characters' });
    expect(agendaItemPatchSchema.safeParse({ id: ITEM, band_id: BAND, goal: 'x'.repeat(201) }).success).toBe(false);
  });

  it('ids are uuids and positions are order keys', () => {
    expect(fieldErrors(agendaItemCreateSchema.safeParse({ ...item, song_id: 'nope' }).error!).song_id).toBeDefined();
    expect(fieldErrors(agendaItemCreateSchema.safeParse({ ...item, position: 'not a key!' }).error!)).toEqual({ position: 'Not a valid position' });
    expect(agendaItemPatchSchema.safeParse({ id: ITEM, band_id: BAND, position: 'a1' }).success).toBe(true);
    // A bad position is refused, never read as a patch that clears the goal.
    expect(agendaItemPatchSchema.safeParse({ id: ITEM, band_id: BAND, position: 'not a key!' }).success).toBe(false);
    expect(agendaItemPatchSchema.safeParse({ id: ITEM, band_id: BAND, position: 'a1', goal: 'both' }).success).toBe(false);
  });

  it('learn status is new, learning or ready', () => {
    expect(learnStatusSchema.parse({ band_id: BAND, song_id: SONG, status: 'ready' })).toEqual({ band_id: BAND, song_id: SONG, status: 'ready' });
    expect(fieldErrors(learnStatusSchema.safeParse({ band_id: BAND, song_id: SONG, status: 'done' }).error!)).toEqual({ status: 'Learn status is new, learning or ready' });
  });
});
