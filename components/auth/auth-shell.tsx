import Link from 'next/link';
import type { ReactNode } from 'react';

/** The narrow, phone-first column of the signed-out pages (sign in, sign up, reset, dead links). */
export function AuthShell({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-sm flex-col justify-center gap-8 px-6 py-16">
      <Link href="/" className="-my-3 flex min-h-11 items-center self-start text-sm font-semibold uppercase tracking-widest text-amp-500">
        Rock-On
      </Link>
      {children}
    </main>
  );
}
