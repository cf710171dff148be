'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ShowForm } from './show-form';

/** "Plan a show" opens the form in place (the list stays first); closing returns focus to the button. */
export function NewShowButton({ bandId }: { bandId: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (open) {
    return (
      <ShowForm
        bandId={bandId}
        onDone={() => {
          setOpen(false);
          requestAnimationFrame(() => button.current?.focus());
        }}
      />
    );
  }
  return (
    <Button ref={button} type="button" className="min-h-11" aria-expanded={false} onClick={() => setOpen(true)}>
      Plan a show
    </Button>
  );
}
