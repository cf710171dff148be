'use client';

import { useState } from 'react';
import { PersonalOffset } from '@/components/charts/personal-offset';

/**
 * This member's own chart offsets (capo, transposing instrument), seeded from the page's read and changed from the
 * room: only this member sees them, on top of the setlist item's transpose.
 */
export function useMyOffsets(bandId: string, initial: Record<string, number>) {
  const [offsets, setOffsets] = useState(initial);
  const offsetOf = (songId: string | undefined) => (songId ? (offsets[songId] ?? 0) : 0);
  const control = (songId: string | undefined) =>
    songId ? <PersonalOffset bandId={bandId} songId={songId} value={offsetOf(songId)} onChange={(value) => setOffsets((all) => ({ ...all, [songId]: value }))} /> : null;
  return { offsetOf, control };
}
