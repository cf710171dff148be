import type { Metadata } from 'next';
import { InvitePanel } from '@/components/bands/invite-panel';
import { getActiveInvite, getBand, getMembers } from '@/lib/data/bands';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  const [band, members, invite] = await Promise.all([getBand(bandId), getMembers(bandId), getActiveInvite(bandId)]);
  const canInvite = band?.role === 'owner' || band?.role === 'admin';
  return (
    <div className="grid gap-8 sm:grid-cols-2">
      <section className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">Members</h2>
        <ul className="flex flex-col gap-2" aria-label="Members">
          {members.map((member) => (
            <li key={member.user_id} className="flex justify-between rounded-lg border border-white/10 px-3 py-2 text-sm">
              <span>{member.display_name}</span>
              <span className="text-zinc-400">{member.role}</span>
            </li>
          ))}
        </ul>
      </section>
      {canInvite ? (
        <InvitePanel bandId={bandId} initialCode={invite?.code ?? null} />
      ) : (
        <p className="text-sm text-zinc-400">Ask the band&apos;s owner for an invite link to bring someone in.</p>
      )}
    </div>
  );
}
