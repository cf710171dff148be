import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight, KeyRound, UserRound } from 'lucide-react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { SignOutEverywhereButton } from '@/components/auth/sign-out-everywhere';
import { FormMessage } from '@/components/ui/form-message';
import { requireUser } from '@/lib/data/session';

export const metadata: Metadata = { title: 'Account' };

const NOTICES: Record<string, string> = { 'password-changed': 'Your new password is saved. You are signed in.' };

const ROW = 'flex min-h-12 items-center gap-3 rounded-lg border border-white/10 px-4 py-3 hover:border-white/30';

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser();
  const { notice } = await searchParams;
  return (
    <div className="flex w-full max-w-xl flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Account</h1>
        <p className="break-all text-zinc-300">
          Signed in as <span className="font-semibold text-zinc-100">{user.email}</span>
        </p>
        <FormMessage tone="info" message={NOTICES[notice ?? '']} />
      </div>

      <nav aria-label="Account settings" className="flex flex-col gap-3">
        {/* Not prefetched: most visits here are to sign out, and the profile page has its own data to load. */}
        <Link href="/settings/profile" prefetch={false} className={ROW}>
          <UserRound aria-hidden className="size-5 text-zinc-400" />
          <span className="flex-1">Your name in bands</span>
          <ChevronRight aria-hidden className="size-4 text-zinc-500" />
        </Link>
        <Link href="/settings/password" className={ROW}>
          <KeyRound aria-hidden className="size-5 text-zinc-400" />
          <span className="flex-1">Change password</span>
          <ChevronRight aria-hidden className="size-4 text-zinc-500" />
        </Link>
      </nav>

      <section aria-labelledby="sign-out-title" className="flex flex-col gap-4">
        <h2 id="sign-out-title" className="text-lg font-semibold">
          Sign out
        </h2>
        <SignOutButton label="Sign out of this device" className="w-full border border-white/15 font-semibold sm:w-auto" />
        <div className="flex flex-col gap-2">
          <p className="text-sm text-zinc-400">
            Lost a phone, or signed in on a shared computer? This signs you out on every device, this one too. Their
            open pages go to the sign-in page.
          </p>
          <SignOutEverywhereButton />
        </div>
      </section>
    </div>
  );
}
