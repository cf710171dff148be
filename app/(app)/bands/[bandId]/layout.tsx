import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { BandLive, BandTitle } from '@/components/bands/band-live';
import { BandNav } from '@/components/bands/band-nav';
import { BandSwitcher } from '@/components/bands/band-switcher';
import { BandOfflineQueue } from '@/components/offline/band-offline-queue';
import { PendingChanges } from '@/components/offline/pending-changes';
import { PresenceAvatars } from '@/components/presence/presence-avatars';
import { PresenceProvider } from '@/components/presence/presence-provider';
import { getBand, getLineUp, getMyBands, getMyProfile } from '@/lib/data/bands';
import { requireUser } from '@/lib/data/session';
import { uuidSchema } from '@/lib/validation/song';

/** Every page of the band names it in its title ("Songs · The Demo Tapes · Rock-On"); BandLive keeps it live. */
export async function generateMetadata({ params }: { params: Promise<{ bandId: string }> }): Promise<Metadata> {
  const { bandId } = await params;
  const band = uuidSchema.safeParse(bandId).success ? await getBand(bandId) : null;
  return band ? { title: { template: `%s · ${band.band.name} · Rock-On`, default: `${band.band.name} · Rock-On` } } : {};
}

export default async function BandLayout({ children, params }: { children: ReactNode; params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  if (!uuidSchema.safeParse(bandId).success) notFound();
  const user = await requireUser();
  // RLS hides bands the user is not in: for them this band does not exist (404, not 403, so ids do not leak).
  const [band, bands, profile, lineUp] = await Promise.all([getBand(bandId), getMyBands(), getMyProfile(user.id), getLineUp(bandId)]);
  if (!band) notFound();

  return (
    <BandLive band={band.band} members={lineUp} userId={user.id}>
      <PresenceProvider bandId={bandId} userId={user.id} displayName={profile?.display_name ?? user.email}>
        <BandOfflineQueue userId={user.id} bandId={bandId}>
          <div className="flex flex-col gap-6">
            <div className="flex flex-wrap items-center justify-between gap-4 print:hidden">
              <div className="flex flex-col gap-1">
                <BandTitle />
                <BandSwitcher bands={bands.map(({ id, name }) => ({ id, name }))} currentId={bandId} />
              </div>
              <PresenceAvatars />
            </div>
            <BandNav bandId={bandId} />
            <PendingChanges />
            {children}
          </div>
        </BandOfflineQueue>
      </PresenceProvider>
    </BandLive>
  );
}
