'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { useAuth } from '@/lib/live/auth-provider';

/**
 * Opens the practice's live room and goes there: the member who starts it leads; when a bandmate already has,
 * this joins their room (room_open returns it unchanged).
 */
export function StartPracticeButton({ bandId, practiceId, disabledReason }: { bandId: string; practiceId: string; disabledReason?: string }) {
  const { supabase } = useAuth();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const start = async () => {
    setPending(true);
    const { error: refused } = await supabase.rpc('room_open', { p_kind: 'practice', p_event_id: practiceId });
    if (refused) {
      setPending(false);
      setError(refused.code ? refused.message : 'Could not reach the server. Check the connection and try again.');
      return;
    }
    router.push(`/bands/${bandId}/practice/${practiceId}/room`);
  };
  return (
    <div className="flex flex-col items-start gap-2">
      <Button onClick={() => void start()} disabled={pending || Boolean(disabledReason)}>
        {pending ? 'Opening the room…' : 'Start practice'}
      </Button>
      {disabledReason ? <p className="text-sm text-zinc-400">{disabledReason}</p> : null}
      <FormMessage message={error} />
    </div>
  );
}
