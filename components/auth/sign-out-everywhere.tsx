'use client';

import { useState } from 'react';
import { LogOut } from 'lucide-react';
import { signOutEverywhere } from '@/lib/actions/auth-email';
import { useAuth } from '@/lib/live/auth-provider';
import { useAnnounceSignOut } from '@/lib/live/user-channel';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

const UNREACHABLE = 'Could not reach the server, so no device was signed out. Check the connection and try again.';

/**
 * Revokes every session (server action), then tells the other tabs and devices over the user channel so they
 * close their live channels and show the sign-in page now, and finally clears its own cookies and leaves.
 */
export function SignOutEverywhereButton() {
  const { leave } = useAuth();
  const announceSignOut = useAnnounceSignOut();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function run() {
    setPending(true);
    setError(undefined);
    const result = navigator.onLine ? await signOutEverywhere().catch(() => ({ ok: false as const, message: UNREACHABLE })) : { ok: false as const, message: UNREACHABLE };
    if (!result.ok) {
      setError(result.message);
      setPending(false);
      return;
    }
    await announceSignOut();
    await leave('signed-out-everywhere', { endSession: true });
  }

  return (
    <div className="flex flex-col gap-3">
      <Button type="button" variant="danger" disabled={pending} onClick={run}>
        <LogOut aria-hidden className="size-4" />
        {pending ? 'Signing out everywhere…' : 'Sign out of all devices'}
      </Button>
      <FormMessage message={error} />
    </div>
  );
}
