import type { Metadata } from 'next';
import { BandSettings } from '@/components/bands/band-settings';
import { InvitePanel } from '@/components/bands/invite-panel';
import { MembersList } from '@/components/bands/members-list';
import { getActiveInvite, getLineUp, getMemberNames } from '@/lib/data/bands';

export const metadata: Metadata = { title: 'Members' };

/** The line-up first (phone first), then inviting, then the band's own settings; all follow role changes live. */
export default async function MembersPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  const [lineUp, invite] = await Promise.all([getLineUp(bandId), getActiveInvite(bandId)]);
  const names = await getMemberNames(lineUp.map((member) => member.user_id));
  return (
    <div className="grid gap-8 sm:grid-cols-2">
      <MembersList initialNames={names} />
      <div className="flex flex-col gap-8">
        <InvitePanel bandId={bandId} initialCode={invite?.code ?? null} />
        <BandSettings />
      </div>
    </div>
  );
}
