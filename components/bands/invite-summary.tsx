import { expiresIn } from '@/lib/bands/expires-in';

/** "You are invited to join The Demo Tapes. Alex invited you. The invite expires in 6 days." */
export function InviteSummary({ bandName, invitedBy, expiresAt }: { bandName: string; invitedBy: string | null; expiresAt: string | null }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm uppercase tracking-widest text-zinc-400">You are invited to join</p>
      <h1 className="break-words text-3xl font-bold" data-testid="invite-band">
        {bandName}
      </h1>
      <p className="text-zinc-300" data-testid="invite-from">
        {invitedBy ? `${invitedBy} invited you.` : 'A bandmate invited you.'}
        {expiresAt ? ` The invite expires ${expiresIn(expiresAt)}.` : ''}
      </p>
    </div>
  );
}
