import Link from 'next/link';
import type { ReactNode } from 'react';
import { redirectIfSignedIn } from '@/lib/data/session';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  await redirectIfSignedIn();
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-8 px-6 py-16">
      <Link href="/" className="text-sm font-semibold uppercase tracking-widest text-amp-500">
        Rock-On
      </Link>
      {children}
    </main>
  );
}
