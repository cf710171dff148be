import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ServiceWorker } from '@/components/offline/service-worker';
import { requireUser } from '@/lib/data/session';
import { AuthProvider } from '@/lib/live/auth-provider';
import { UserChannel } from '@/lib/live/user-channel';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AuthProvider>
      <UserChannel userId={user.id}>
        <ServiceWorker />
        <div className="mx-auto flex min-h-dvh max-w-5xl flex-col gap-8 px-4 py-6 sm:px-6">
          <header className="flex items-center justify-between gap-4 border-b border-white/10 pb-4 print:hidden">
            <Link href="/bands" className="flex min-h-11 items-center text-sm font-semibold uppercase tracking-widest text-amp-500">
              Rock-On
            </Link>
            <div className="flex min-w-0 items-center gap-2 text-sm text-zinc-400">
              <Link href="/settings/account" aria-label={`Account: ${user.email}`} className="flex min-h-11 min-w-0 items-center hover:text-zinc-200">
                <span data-testid="signed-in-as" className="truncate">{user.email}</span>
              </Link>
              <SignOutButton />
            </div>
          </header>
          <main className="flex flex-col">{children}</main>
        </div>
      </UserChannel>
    </AuthProvider>
  );
}
