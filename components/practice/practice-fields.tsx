'use client';

import type { FieldErrors } from '@/lib/validation/form';
import type { PracticeFieldName } from '@/lib/validation/practice';
import { ZoneField } from '@/components/calendar/zone-field';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';

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
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${idPrefix}-date`} label="Date" name="date" type="date" required defaultValue={values.date} error={message('date')} inputClassName={tall} />
        <Field id={`${idPrefix}-start`} label="Start" name="starts_at" type="time" required defaultValue={values.starts_at} error={message('starts_at')} inputClassName={tall} />
        <Field id={`${idPrefix}-end`} label="End" name="ends_at" type="time" required defaultValue={values.ends_at} error={message('ends_at')} inputClassName={tall} />
      </div>
      <ZoneField id={`${idPrefix}-zone`} defaultValue={values.time_zone ?? ''} error={message('time_zone')} />
      <Field id={`${idPrefix}-location`} label="Location" name="location" placeholder="Rehearsal room" limit={200} defaultValue={values.location} error={message('location')} inputClassName={tall} />
      <Textarea id={`${idPrefix}-notes`} label="Notes" name="notes" rows={2} limit={2000} defaultValue={values.notes} error={message('notes')} />
    </>
  );
}
