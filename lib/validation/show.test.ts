import { describe, expect, it } from 'vitest';
import { currencySchema, feeSchema, parseShowBase, parseShowFields } from './show';

// The show form as submitted: a date, wall-clock times in the venue's zone, a fee as typed.
const form = { title: 'Friday at the Lux', time_zone: 'Europe/Lisbon', date: '2026-12-12', starts_at: '21:00' };
const errorsOf = (values: Record<string, unknown>) => {
  const result = parseShowFields({ ...form, ...values });
  return 'errors' in result ? result.errors : {};
};
const fieldsOf = (values: Record<string, unknown>) => {
  const result = parseShowFields({ ...form, ...values });
  if (!('fields' in result)) throw new Error(`expected fields, got ${JSON.stringify(result.errors)}`);
  return result.fields;
};

describe('parseShowFields', () => {
  it('turns the form into the row: instants as PostgREST writes them, blanks as null, defaults applied', () => {
    expect(fieldsOf({ venue_name: ' Lux Frágil ', notes: '  ', doors_at: '20:00', set_start_at: '22:00', set_end_at: '23:30' })).toEqual({
      title: 'Friday at the Lux',
      venue_name: 'Lux Frágil',
      venue_address: null,
      time_zone: 'Europe/Lisbon',
      starts_at: '2026-12-12T21:00:00+00:00',
      load_in_at: null,
      soundcheck_at: null,
      doors_at: '2026-12-12T20:00:00+00:00',
      set_start_at: '2026-12-12T22:00:00+00:00',
      set_end_at: '2026-12-12T23:30:00+00:00',
      status: 'tentative',
      fee_cents: null,
      currency: 'EUR',
      setlist_id: null,
      contacts: null,
      notes: null,
    });
  });

  it('title: required, at most 120 characters', () => {
    for (const title of ['', '   ', undefined]) expect(errorsOf({ title }).title, String(title)).toBe('Title is required');
    expect(errorsOf({ title: 'x'.repeat(121) }).title).toBe('Title must be at most 120 characters');
    expect(fieldsOf({ title: ` ${'x'.repeat(120)} ` }).title).toHaveLength(120);
  });

  it('text fields carry their limits', () => {
    expect(errorsOf({ venue_name: 'x'.repeat(121) }).venue_name).toBe('Venue must be at most 120 characters');
    expect(errorsOf({ venue_address: 'x'.repeat(301) }).venue_address).toBe('Address must be at most 300 characters');
    expect(errorsOf({ contacts: 'x'.repeat(1001) }).contacts).toBe('Contacts must be at most 1000 characters');
    expect(errorsOf({ notes: 'x'.repeat(2001) }).notes).toBe('Notes must be at most 2000 characters');
    expect(errorsOf({ status: 'maybe' }).status).toBe('Status is tentative, confirmed or cancelled');
    expect(errorsOf({ setlist_id: 'not-a-uuid' }).setlist_id).toBeDefined();
  });

  it('time zone: a city name, not an abbreviation, an offset or a made-up place', () => {
    for (const time_zone of ['CET', 'UTC+3', 'Mars/Base', 'Europe/Lisbon+3', 'europe/lisbon', '']) {
      expect(errorsOf({ time_zone }).time_zone, time_zone).toBe('Pick a time zone by city, e.g. Europe/Lisbon (not an abbreviation like CET)');
    }
    expect(errorsOf({ time_zone: undefined }).time_zone).toBe('Time zone is required');
    expect(fieldsOf({ time_zone: 'America/Argentina/Buenos_Aires' }).starts_at).toBe('2026-12-13T00:00:00+00:00');
  });

  it('date and times: real dates, 24-hour times', () => {
    expect(errorsOf({ date: '2026-02-30' }).date).toBe('That date does not exist');
    expect(errorsOf({ date: '12/12/2026' }).date).toBe('Date looks like 2026-12-31');
    expect(errorsOf({ date: undefined }).date).toBe('Date is required');
    expect(errorsOf({ starts_at: '25:00' }).starts_at).toBe('Time looks like 21:30 (24-hour)');
    expect(errorsOf({ starts_at: '9pm' }).starts_at).toBe('Time looks like 21:30 (24-hour)');
    expect(errorsOf({ starts_at: '' }).starts_at).toBe('Time looks like 21:30 (24-hour)');
    expect(errorsOf({ doors_at: '20:60' }).doors_at).toBe('Time looks like 21:30 (24-hour)');
    expect(fieldsOf({ date: '2028-02-29' }).starts_at).toBe('2028-02-29T21:00:00+00:00');
  });

  it('the set ends after it starts; a set ending after midnight is the next day', () => {
    expect(errorsOf({ set_start_at: '22:00', set_end_at: '21:30' }).set_end_at).toBe('The set must end after it starts');
    expect(errorsOf({ set_end_at: '20:00' }).set_end_at).toBe('The set must end after it starts');
    expect(errorsOf({ set_end_at: '21:00' }).set_end_at).toBe('The set must end after it starts');
    const late = fieldsOf({ starts_at: '23:00', set_start_at: '23:00', set_end_at: '00:30' });
    expect([late.set_start_at, late.set_end_at]).toEqual(['2026-12-12T23:00:00+00:00', '2026-12-13T00:30:00+00:00']);
    // A morning event does not roll over: 00:30 is before a 10:00 start on the same day.
    expect(errorsOf({ starts_at: '10:00', set_end_at: '00:30' }).set_end_at).toBe('The set must end after it starts');
  });

  it('load-in, soundcheck, doors and the set come in that order, the error on the later one', () => {
    expect(errorsOf({ soundcheck_at: '19:00', doors_at: '18:30' }).doors_at).toBe('Doors must be at or after soundcheck');
    expect(errorsOf({ load_in_at: '17:00', soundcheck_at: '16:00' }).soundcheck_at).toBe('Soundcheck must be at or after load-in');
    expect(errorsOf({ doors_at: '21:00', set_start_at: '20:00', set_end_at: '22:00' }).set_start_at).toBe('The set must start at or after doors');
    expect(fieldsOf({ load_in_at: '17:00', soundcheck_at: '17:00', doors_at: '17:00', set_start_at: '17:00', set_end_at: '17:01' }).set_end_at).toBe('2026-12-12T17:01:00+00:00');
  });

  it('a time the clocks skip that night is an error on its own field', () => {
    // Lisbon springs forward on 2027-03-28 at 01:00 → 02:00: a set ending 01:30 after a 21:00 start never happens.
    expect(errorsOf({ date: '2027-03-27', set_end_at: '01:30' })).toEqual({ set_end_at: '01:30 does not exist on 2027-03-28 in Europe/Lisbon (the clocks go forward)' });
    const after = fieldsOf({ date: '2027-03-27', set_end_at: '02:30' });
    expect([after.starts_at, after.set_end_at]).toEqual(['2027-03-27T21:00:00+00:00', '2027-03-28T01:30:00+00:00']);
    expect(fieldsOf({ date: '2027-03-28' }).starts_at).toBe('2027-03-28T20:00:00+00:00');
  });

  it('status, setlist and currency pass through', () => {
    const fields = fieldsOf({ status: 'confirmed', setlist_id: '7f1c2b4e-8f3a-4c1d-9e2f-0a1b2c3d4e5f', currency: 'gbp' });
    expect(fields).toMatchObject({ status: 'confirmed', setlist_id: '7f1c2b4e-8f3a-4c1d-9e2f-0a1b2c3d4e5f', currency: 'GBP' });
  });
});

describe('fee and currency', () => {
  const fee = (value: unknown) => feeSchema.safeParse(value);
  const feeError = (value: unknown) => fee(value).error?.issues[0]?.message;

  it('takes the fee as typed and stores cents', () => {
    const cases: Array<[string, number | null]> = [['250', 25000], ['250.5', 25050], ['250,50', 25050], ['1 250,50', 125050], ["1'250.50", 125050], ['0', 0], ['  ', null], ['', null], ['10000000', 1_000_000_000]];
    for (const [value, cents] of cases) expect(fee(value).data, value).toBe(cents);
    expect(fee(undefined).data).toBeNull();
  });

  it('refuses a negative fee, a fee above 10 million, and what is not an amount', () => {
    expect(feeError('-5')).toBe('A fee cannot be negative');
    expect(feeError('−5')).toBe('A fee cannot be negative'); // a typographic minus, as some keyboards type it
    for (const value of ['100000000', '10000000.01', '99999999.99', '1000000000000', '9'.repeat(400)]) expect(feeError(value), value).toBe('A fee is at most 10,000,000');
    for (const value of ['1e12', 'abc', '12.345', '1,250.50', '€250', '+5', 'Infinity', 'NaN']) expect(feeError(value), value).toBe('Fee looks like 250 or 250.50');
    expect(errorsOf({ fee_cents: '-5' }).fee_cents).toBe('A fee cannot be negative');
  });

  it('a currency is a known code, in any case', () => {
    expect(currencySchema.parse('eur')).toBe('EUR');
    expect(currencySchema.parse(' usd ')).toBe('USD');
    for (const code of ['XYZ', 'EURO', 'E', '', '€']) expect(currencySchema.safeParse(code).error?.issues[0]?.message, code).toBe('Currency is a code like EUR, GBP or USD');
    expect(errorsOf({ currency: 'XYZ' }).currency).toBe('Currency is a code like EUR, GBP or USD');
  });
});

describe('parseShowBase', () => {
  it('keeps a well-formed base and drops anything else', () => {
    expect(parseShowBase('{"title":"Gig","fee_cents":100,"setlist_id":null}')).toEqual({ title: 'Gig', fee_cents: 100, setlist_id: null });
    for (const raw of [undefined, '', 'not json', '[1,2]', '{"title":{"nested":true}}']) expect(parseShowBase(raw), String(raw)).toEqual({});
  });
});
