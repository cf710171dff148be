'use client';

import { Plus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { CreateSetlistForm } from './create-setlist-form';

/** "New setlist" opens a sheet with the form; the list stays first on the page. */
export function NewSetlistButton({ bandId }: { bandId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      title="New setlist"
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button className="self-start">
          <Plus aria-hidden className="size-5" />
          New setlist
        </Button>
      }
    >
      <CreateSetlistForm bandId={bandId} onDone={() => setOpen(false)} />
    </Dialog>
  );
}
