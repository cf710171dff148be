import type { Metadata } from 'next';
import Link from 'next/link';
import { CircleAlert } from 'lucide-react';
import { AuthShell } from '@/components/auth/auth-shell';
import { newLinkPath } from '@/lib/auth/links';

export const metadata: Metadata = { title: 'This link does not work' };

const WHAT_HAPPENED: Record<string, string> = {
  expired: 'This link has already been used, or it has expired. Each link works once, for a limited time.',
  invalid: 'This link is incomplete. It may have been cut off when it was copied from the email.',
  failed: 'We could not check this link just now. Try it again in a moment, or ask for a new one.',
};

/** Outside the (auth) group on purpose: someone signed in who opens an old link should read why, not bounce. */
export default async function LinkErrorPage({ searchParams }: { searchParams: Promise<{ problem?: string; type?: string }> }) {
  const { problem, type } = await searchParams;
  const next = newLinkPath(type);
  return (
    <AuthShell>
      <section className="flex flex-col gap-6" aria-labelledby="link-error-title">
        <CircleAlert aria-hidden className="size-10 text-amber-400" />
        <h1 id="link-error-title" className="text-2xl font-bold">
          This link does not work
        </h1>
        <p className="text-zinc-300">{WHAT_HAPPENED[problem ?? ''] ?? WHAT_HAPPENED.invalid}</p>
        <Link
          href={next.href}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-amp-500 px-4 py-2 text-sm font-semibold text-stage-950 hover:bg-amp-400"
        >
          {next.label}
        </Link>
        <Link href="/login" className="flex min-h-11 items-center text-sm text-amp-400 underline">
          Sign in with your password
        </Link>
      </section>
    </AuthShell>
  );
}
