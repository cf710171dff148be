import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { BandSwitcher } from '@/components/bands/band-switcher';
import { PresenceAvatars } from '@/components/presence/presence-avatars';
import { getBand, getMyBands, getMyProfile } from '@/lib/data/bands';
import { requireUser } from '@/lib/data/session';

export default async function BandLayout({ children, params }: { children: ReactNode; params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  const user = await requireUser();
  // RLS hides bands the user is not in: for them this band does not exist (404, not 403, so ids do not leak).
  const [band, bands, profile] = await Promise.all([getBand(bandId), getMyBands(), getMyProfile(user.id)]);
  if (!band) notFound();

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold">{band.band.name}</h1>
          <BandSwitcher bands={bands.map(({ id, name }) => ({ id, name }))} currentId={bandId} />
        </div>
        <PresenceAvatars bandId={bandId} userId={user.id} displayName={profile?.display_name ?? user.email} />
      </div>
      <nav aria-label="Band sections" className="flex gap-4 border-b border-white/10 pb-2 text-sm">
        <Link href={`/bands/${bandId}/songs`} className="text-zinc-200 hover:text-amp-400">
          Songs
        </Link>
        <Link href={`/bands/${bandId}/members`} className="text-zinc-200 hover:text-amp-400">
          Members &amp; invites
        </Link>
      </nav>
      {children}
    </div>
  );
}
