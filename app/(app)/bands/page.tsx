import { ChevronRight } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { BandListActions } from '@/components/bands/band-list-actions';
import { BandNotice } from '@/components/bands/band-notice';
import { getMyBands } from '@/lib/data/bands';

export const metadata: Metadata = { title: 'Your bands' };

export default async function BandsPage() {
  const bands = await getMyBands();
  return (
    <section className="flex flex-col gap-4">
      <BandNotice />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Your bands</h1>
        <Link href="/settings/profile" className="flex min-h-11 items-center text-sm text-amp-400 underline">
          Your profile
        </Link>
      </div>
      <BandListActions />
      {bands.length === 0 ? (
        <p className="text-zinc-300">You are not in a band yet. Start one, or join with the invite code a bandmate sent you.</p>
      ) : (
        <ul aria-label="Your bands" className="grid gap-3 sm:grid-cols-2">
          {bands.map((band) => (
            <li key={band.id}>
              <Link
                href={`/bands/${band.id}`}
                className="flex min-h-14 items-center justify-between gap-3 rounded-2xl border border-white/10 bg-stage-900 px-5 py-4 text-lg font-semibold hover:border-amp-400"
              >
                <span className="min-w-0 break-words">{band.name}</span>
                <ChevronRight aria-hidden className="size-5 shrink-0 text-zinc-400" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
