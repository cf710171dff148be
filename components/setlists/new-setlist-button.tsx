'use client';

import { AddDialog } from '@/components/ui/dialog';
import { CreateSetlistForm } from './create-setlist-form';

/** "New setlist" opens a sheet with the form; the list stays first on the page. */
export function NewSetlistButton({ bandId }: { bandId: string }) {
  return (
    <AddDialog label="New setlist" className="self-start">
      {(close) => <CreateSetlistForm bandId={bandId} onDone={close} />}
    </AddDialog>
  );
}
