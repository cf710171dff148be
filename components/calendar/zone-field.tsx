'use client';

import { useEffect, useState } from 'react';
import { Field } from '@/components/ui/field';

/**
 * A time zone by city, with the platform's IANA names offered as you type. The list is filled after mount: the
 * server's and the browser's ICU may know different zones, and a mismatch would break hydration.
 */
export function ZoneField({ id, defaultValue, error }: { id: string; defaultValue: string; error?: string }) {
  const [zones, setZones] = useState<string[]>([]);
  useEffect(() => setZones(Intl.supportedValuesOf('timeZone')), []);
  return (
    <>
      <Field id={id} label="Time zone" name="time_zone" list={`${id}-zones`} defaultValue={defaultValue} autoComplete="off" spellCheck={false} error={error} />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
