'use client';

import { LogOut } from 'lucide-react';
import { signOut } from '@/lib/actions/auth';
import { forgetOfflinePages } from '@/lib/live/offline/forget-pages';

/** This device only. Signing out also drops the pages saved for offline use: they hold this user's band data. */
export function SignOutButton({ label = 'Sign out', className }: { label?: string; className?: string }) {
  return (
    <form action={signOut} onSubmit={forgetOfflinePages}>
      <button
        type="submit"
        className={`inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg px-3 text-sm text-zinc-300 hover:bg-white/5 hover:text-zinc-100 ${className ?? ''}`}
      >
        <LogOut aria-hidden className="size-4" />
        {label}
      </button>
    </form>
  );
}
