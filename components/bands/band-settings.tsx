'use client';

import { DeleteBand, LeaveBand } from './band-exit';
import { useLiveBand } from './band-live';
import { RenameBandForm } from './rename-band-form';

/** What this user may do to the band itself, following their role live (a demoted admin loses Rename at once). */
export function BandSettings() {
  const { role } = useLiveBand();
  return (
    <section className="flex flex-col gap-4" aria-labelledby="band-settings-heading">
      <h2 id="band-settings-heading" className="text-lg font-semibold">
        Band settings
      </h2>
      {role === 'owner' || role === 'admin' ? <RenameBandForm /> : null}
      <div className="flex flex-wrap gap-2">
        <LeaveBand />
        {role === 'owner' ? <DeleteBand /> : null}
      </div>
    </section>
  );
}
