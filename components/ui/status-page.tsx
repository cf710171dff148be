import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from './button';

type Props = {
  /** The HTTP status in words a musician can read ("Page not found"), shown small above the title. */
  label: string;
  title: string;
  children: ReactNode;
  /** The ways back: links or buttons (at least one). */
  actions: ReactNode;
};

/**
 * The not-found, error and bad-request pages: the app's look (dark stage, amber brand), a plain sentence of what
 * happened, and a way back. Used outside the app's layouts too (global-error), so it brings its own header.
 */
export function StatusPage({ label, title, children, actions }: Props) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-2xl flex-col gap-10 px-5 py-6 sm:px-6">
      <header className="border-b border-white/10 pb-4">
        <Link href="/" className="flex min-h-11 w-fit items-center text-sm font-semibold tracking-widest text-amp-500 uppercase">
          Rock-On
        </Link>
      </header>
      <main className="flex flex-col gap-5 sm:py-10">
        <p className="text-sm font-semibold tracking-widest text-amp-400 uppercase">{label}</p>
        <h1 className="text-3xl font-bold text-balance sm:text-4xl">{title}</h1>
        <div className="flex flex-col gap-3 text-lg leading-8 text-zinc-300">{children}</div>
        <div className="flex flex-wrap gap-3 pt-2">{actions}</div>
      </main>
    </div>
  );
}

/** The usual ways back from a page that went nowhere: the signed-in home, and the public one. */
export function WaysBack() {
  return (
    <>
      <Link href="/bands" className={buttonClass('primary')}>
        Go to your bands
      </Link>
      <Link href="/" className={buttonClass('secondary')}>
        Home page
      </Link>
    </>
  );
}
