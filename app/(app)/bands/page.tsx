import type { Metadata } from 'next';
import Link from 'next/link';
import { BandNotice } from '@/components/bands/band-notice';
import { CreateBandForm } from '@/components/bands/create-band-form';
import { JoinBandForm } from '@/components/bands/join-band-form';
import { getMyBands } from '@/lib/data/bands';

export const metadata: Metadata = { title: 'Your bands' };

export default async function BandsPage() {
  const bands = await getMyBands();
  return (
    <div className="flex flex-col gap-10">
      <BandNotice />
      <section className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-bold">Your bands</h1>
          <Link href="/settings/profile" className="flex min-h-11 items-center text-sm text-amp-400 underline">
            Your profile
          </Link>
        </div>
        {bands.length === 0 ? (
          <p className="text-zinc-400">You are not in a band yet. Start one, or join with an invite code.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {bands.map((band) => (
              <li key={band.id}>
                <Link
                  href={`/bands/${band.id}`}
                  className="block rounded-2xl border border-white/10 bg-stage-900 p-5 font-semibold hover:border-amp-400"
                >
                  {band.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-8 sm:grid-cols-2">
        <CreateBandForm />
        <JoinBandForm />
      </div>
    </div>
  );
}
