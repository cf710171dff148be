import type { Metadata } from 'next';
import Link from 'next/link';
import { JoinBandForm } from '@/components/bands/join-band-form';
import { InviteSummary } from '@/components/bands/invite-summary';
import { getInvitePreview } from '@/lib/data/invites';
import { requireUser } from '@/lib/data/session';
import { inviteCodeFromLink } from '@/lib/validation/band';

export const metadata: Metadata = { title: 'Join a band' };

const REFUSALS = {
  unknown: 'This invite code does not lead to any band. Check the link, or ask a bandmate for a new invite.',
  expired: 'This invite has expired. Ask a bandmate for a new invite link.',
};

/**
 * The invite link's target: names the band and who invited before anything happens; joining is still an explicit
 * click (links get prefetched). A signed-out visitor reaches it again after signing up or in (?next=).
 */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  // Layout and page render side by side: a signed-out visitor goes to /login before the preview runs.
  await requireUser();
  const invite = inviteCodeFromLink((await params).code);
  const preview = invite.error ? null : await getInvitePreview(invite.code);
  const refusal = invite.error ?? (preview && preview.status !== 'valid' ? REFUSALS[preview.status] : undefined);

  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6">
      {preview?.status === 'valid' ? (
        <InviteSummary bandName={preview.band_name ?? 'a band'} invitedBy={preview.invited_by} expiresAt={preview.expires_at} />
      ) : (
        <h1 className="text-2xl font-bold">{refusal ? 'This invite does not work' : 'You are invited to a band'}</h1>
      )}
      {preview?.already_member ? (
        <p className="text-zinc-300">
          You are already in this band.{' '}
          <Link href="/bands" className="text-amp-400 underline">
            Go to your bands
          </Link>
        </p>
      ) : (
        <JoinBandForm initialCode={invite.code} initialError={refusal} />
      )}
    </div>
  );
}
