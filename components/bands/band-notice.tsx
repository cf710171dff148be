'use client';

import { X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { takeNotice } from '@/lib/bands/notice';

/** Why the user just landed here from a band's pages ("Sam's Band was deleted."), until they dismiss it. */
export function BandNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  // sessionStorage exists only in the browser, after hydration; the notice is read (and cleared) once.
  useEffect(() => setNotice(takeNotice()), []);
  // The status region is there from the first render, so screen readers announce the text when it fills in.
  return (
    <div role="status" data-testid="band-notice">
      {notice ? (
        <p className="flex items-center justify-between gap-3 rounded-lg border border-amp-400/40 px-3 py-1 text-sm text-amp-400">
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss" className="flex size-11 shrink-0 items-center justify-center rounded-lg text-zinc-400 hover:text-zinc-100">
            <X aria-hidden className="size-5" />
          </button>
        </p>
      ) : null}
    </div>
  );
}
