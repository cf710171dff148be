'use client';

import { Plus, UserPlus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { CreateBandForm } from './create-band-form';
import { JoinBandForm } from './join-band-form';

/** Start or join a band: two buttons opening sheets, so the list of bands stays first on a phone. */
export function BandListActions() {
  return (
    <div className="flex flex-wrap gap-2">
      <Dialog
        title="Start a band"
        description="You become its owner and can invite the others."
        trigger={
          <Button>
            <Plus aria-hidden className="size-5" />
            Start a band
          </Button>
        }
      >
        <CreateBandForm />
      </Dialog>
      <Dialog
        title="Join with an invite code"
        trigger={
          <Button variant="secondary">
            <UserPlus aria-hidden className="size-5" />
            Join a band
          </Button>
        }
      >
        <JoinBandForm titled={false} />
      </Dialog>
    </div>
  );
}
