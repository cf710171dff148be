import type { Metadata } from 'next';
import { JoinBandForm } from '@/components/bands/join-band-form';
import { inviteCodeFromLink } from '@/lib/validation/band';

export const metadata: Metadata = { title: 'Join a band' };

/** The invite link's target: the code is prefilled, joining is still an explicit click (links get prefetched). */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const invite = inviteCodeFromLink((await params).code);
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-bold">You are invited to a band</h1>
      <JoinBandForm initialCode={invite.code} initialError={invite.error} />
    </div>
  );
}
