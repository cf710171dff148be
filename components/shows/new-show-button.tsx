'use client';

import { AddDialog } from '@/components/ui/dialog';
import { ShowForm } from './show-form';

/** "Plan a show" opens the form in a sheet (the list stays first); closing returns focus to the button. */
export function NewShowButton({ bandId }: { bandId: string }) {
  return (
    <AddDialog label="Plan a show">
      {(close) => <ShowForm bandId={bandId} onDone={close} />}
    </AddDialog>
  );
}
