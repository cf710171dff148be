'use client';

import { useState } from 'react';
import type { Setlist } from '@/lib/database.types';
import { AwayWarning } from '@/components/calendar/away-warning';
import { ZoneField } from '@/components/calendar/zone-field';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { SHOW_STATUSES } from '@/lib/validation/show';

type Props = {
  prefix: string;
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  setlists: Setlist[];
};

const TIMES = [
  ['load_in_at', 'Load-in'],
  ['soundcheck_at', 'Soundcheck'],
  ['doors_at', 'Doors'],
  ['set_start_at', 'Set starts'],
  ['set_end_at', 'Set ends'],
] as const;

/** Every field of a show; times are 24-hour on the venue's wall clock (after midnight counts as the night after). */
export function ShowFormFields({ prefix, values, errors, setlists }: Props) {
  const [date, setDate] = useState(values.date ?? '');
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="flex flex-col gap-3">
      <Field id={id('title')} label="Title" name="title" limit={120} defaultValue={values.title} error={errors.title} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id('date')} label="Date" name="date" type="date" value={date} onChange={(event) => setDate(event.target.value)} error={errors.date} />
        <Field id={id('starts_at')} label="Starts (venue time)" name="starts_at" type="time" defaultValue={values.starts_at} error={errors.starts_at} />
      </div>
      <AwayWarning date={date} />
      <ZoneField id={id('zone')} defaultValue={values.time_zone ?? ''} error={errors.time_zone} />
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <legend className="mb-1 text-sm text-zinc-300">Schedule (optional; before 06:00 counts as after midnight)</legend>
        {TIMES.map(([name, label]) => (
          <Field key={name} id={id(name)} label={label} name={name} type="time" defaultValue={values[name]} error={errors[name]} />
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id('venue')} label="Venue" name="venue_name" limit={120} defaultValue={values.venue_name} error={errors.venue_name} />
        <Field id={id('address')} label="Address" name="venue_address" limit={300} defaultValue={values.venue_address} error={errors.venue_address} />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <label htmlFor={id('status')} className="flex flex-col gap-1 text-sm">
          <span className="text-zinc-300">Status</span>
          <select id={id('status')} name="status" defaultValue={values.status ?? 'tentative'} className="min-h-11 rounded-lg border border-white/15 bg-stage-950 px-3">
            {SHOW_STATUSES.map((status) => <option key={status} value={status}>{status[0]!.toUpperCase() + status.slice(1)}</option>)}
          </select>
        </label>
        <label htmlFor={id('setlist')} className="flex flex-col gap-1 text-sm">
          <span className="text-zinc-300">Setlist</span>
          <select id={id('setlist')} name="setlist_id" defaultValue={values.setlist_id ?? ''} aria-invalid={errors.setlist_id ? true : undefined} aria-describedby={errors.setlist_id ? `${id('setlist')}-error` : undefined} className="min-h-11 rounded-lg border border-white/15 bg-stage-950 px-3">
            <option value="">No setlist yet</option>
            {setlists.map((setlist) => <option key={setlist.id} value={setlist.id}>{setlist.name}</option>)}
          </select>
          {errors.setlist_id ? <span id={`${id('setlist')}-error`} className="text-xs text-red-300">{errors.setlist_id}</span> : null}
        </label>
        <Field id={id('fee')} label="Fee" name="fee_cents" inputMode="decimal" placeholder="250.00" defaultValue={values.fee_cents} error={errors.fee_cents} />
        <Field id={id('currency')} label="Currency" name="currency" hint="3 letters, e.g. EUR" autoCapitalize="characters" defaultValue={values.currency ?? 'EUR'} error={errors.currency} />
      </div>
      <Textarea id={id('contacts')} name="contacts" label="Contacts (promoter, sound engineer…)" rows={2} limit={1000} defaultValue={values.contacts ?? ''} error={errors.contacts} />
      <Textarea id={id('notes')} name="notes" label="Notes" rows={2} limit={2000} defaultValue={values.notes ?? ''} error={errors.notes} />
    </div>
  );
}
