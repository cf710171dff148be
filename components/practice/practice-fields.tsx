'use client';

import type { FieldErrors } from '@/lib/validation/form';
import type { PracticeFieldName } from '@/lib/validation/practice';
import { ZoneField } from '@/components/calendar/zone-field';
import { Field } from '@/components/ui/field';

// The fields of a practice (date, start, end, zone, location, notes), shared by "Plan a practice" and the
// details form.

const tall = 'min-h-11';

type Props = {
  /** Prefix for the inputs' ids, so two forms on one page never share one. */
  idPrefix: string;
  values: Partial<Record<PracticeFieldName, string>>;
  errors?: FieldErrors<PracticeFieldName | 'form'>;
  /** Conflict hints per field (a bandmate's value), shown when there is no error. */
  hints?: Record<string, string>;
};

export function PracticeFields({ idPrefix, values, errors = {}, hints = {} }: Props) {
  const message = (name: PracticeFieldName) => errors[name] ?? hints[name];
  const notesError = message('notes');
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${idPrefix}-date`} label="Date" name="date" type="date" required defaultValue={values.date} error={message('date')} inputClassName={tall} />
        <Field id={`${idPrefix}-start`} label="Start" name="starts_at" type="time" required defaultValue={values.starts_at} error={message('starts_at')} inputClassName={tall} />
        <Field id={`${idPrefix}-end`} label="End" name="ends_at" type="time" required defaultValue={values.ends_at} error={message('ends_at')} inputClassName={tall} />
      </div>
      <ZoneField id={`${idPrefix}-zone`} defaultValue={values.time_zone ?? ''} error={message('time_zone')} />
      <Field id={`${idPrefix}-location`} label="Location" name="location" placeholder="Rehearsal room" defaultValue={values.location} error={message('location')} inputClassName={tall} />
      <label htmlFor={`${idPrefix}-notes`} className="flex flex-col gap-1 text-sm">
        <span className="text-zinc-300">Notes</span>
        <textarea
          id={`${idPrefix}-notes`}
          name="notes"
          rows={2}
          defaultValue={values.notes}
          aria-invalid={notesError ? true : undefined}
          aria-describedby={notesError ? `${idPrefix}-notes-error` : undefined}
          className="rounded-lg border border-white/15 bg-stage-950 px-3 py-2 text-zinc-100 outline-none focus:border-amp-400 aria-invalid:border-red-400"
        />
        {notesError ? (
          <span id={`${idPrefix}-notes-error`} className="text-xs text-red-300">
            {notesError}
          </span>
        ) : null}
      </label>
    </>
  );
}
