import { describe, expect, it } from 'vitest';
import { availabilitySchema, unavailableSchema } from './availability';
import { fieldErrors } from './form';

const BAND = '7f1c2b4e-8f3a-4c1d-9e2f-0a1b2c3d4e5f';
const EVENT = '0b9d6a3c-1e2f-4a5b-8c7d-6e5f4a3b2c1d';
const ID = '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a090';

describe('availability answers', () => {
  const answer = { band_id: BAND, kind: 'show', event_id: EVENT, answer: 'maybe' };

  it('takes yes, maybe or no for a show or a practice, with an optional note', () => {
    expect(availabilitySchema.parse({ ...answer, note: ' If I get off work ' })).toEqual({ ...answer, note: 'If I get off work' });
    expect(availabilitySchema.parse({ ...answer, kind: 'practice', note: '' }).note).toBeNull();
  });

  it('refuses other answers, kinds, long notes and ids that are not uuids', () => {
    const errors = (values: Record<string, unknown>) => fieldErrors(availabilitySchema.safeParse({ ...answer, ...values }).error!);
    expect(errors({ answer: 'perhaps' })).toEqual({ answer: 'Answer yes, maybe or no' });
    expect(errors({ kind: 'rehearsal' })).toEqual({ kind: 'The event is a show or a practice' });
    expect(errors({ note: 'x'.repeat(201) })).toEqual({ note: 'A note is at most 200 characters' });
    expect(Object.keys(errors({ event_id: 'nope' }))).toEqual(['event_id']);
  });
});

describe('away dates', () => {
  const range = (starts_on: string, ends_on: string, note?: string) => unavailableSchema.safeParse({ id: ID, band_id: BAND, starts_on, ends_on, note });
  const errors = (starts_on: string, ends_on: string) => fieldErrors(range(starts_on, ends_on).error!);

  it('takes a single day and a range of up to 366 days, across a leap year', () => {
    expect(range('2027-05-03', '2027-05-03').data).toEqual({ id: ID, band_id: BAND, starts_on: '2027-05-03', ends_on: '2027-05-03', note: null });
    expect(range('2027-01-01', '2028-01-02').success).toBe(true);
    expect(range('2028-01-01', '2029-01-01').success).toBe(true);
  });

  it('refuses a reversed range and one longer than a year, on the last day', () => {
    expect(errors('2027-05-09', '2027-05-03')).toEqual({ ends_on: 'The last day must be on or after the first' });
    expect(errors('2027-01-01', '2028-01-03')).toEqual({ ends_on: 'Block at most a year at a time' });
  });

  it('refuses dates that do not exist and long notes', () => {
    expect(errors('2027-02-29', '2027-03-01')).toEqual({ starts_on: 'That date does not exist' });
    expect(errors('2027-05-03', '3 May')).toEqual({ ends_on: 'Date looks like 2026-12-31' });
    expect(fieldErrors(range('2027-05-03', '2027-05-04', 'x'.repeat(201)).error!)).toEqual({ note: 'A note is at most 200 characters' });
  });
});
