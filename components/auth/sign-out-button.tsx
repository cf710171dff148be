'use client';

import { signOut } from '@/lib/actions/auth';

/** Signing out also drops the pages saved for offline use: they hold this user's band data. */
export function SignOutButton() {
  const forgetOfflinePages = () => navigator.serviceWorker?.controller?.postMessage({ type: 'forget' });
  return (
    <form action={signOut} onSubmit={forgetOfflinePages}>
      <button type="submit" className="text-sm text-zinc-400 underline hover:text-zinc-200">
        Log out
      </button>
    </form>
  );
}
