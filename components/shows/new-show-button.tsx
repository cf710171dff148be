'use client';

import { Plus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ShowForm } from './show-form';

/** "Plan a show" opens the form in a sheet (the list stays first); closing returns focus to the button. */
export function NewShowButton({ bandId }: { bandId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      title="Plan a show"
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button type="button">
          <Plus aria-hidden className="size-5" />
          Plan a show
        </Button>
      }
    >
      <ShowForm bandId={bandId} onDone={() => setOpen(false)} />
    </Dialog>
  );
}
