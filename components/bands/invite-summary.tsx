/** How long an invite still works, in words that need no time zone: "in 6 days", "in 3 hours". */
export function expiresIn(expiresAt: string, now = Date.now()): string {
  const minutes = Math.max(1, Math.round((Date.parse(expiresAt) - now) / 60_000));
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
  if (minutes < 60) return format.format(minutes, 'minute');
  if (minutes < 48 * 60) return format.format(Math.round(minutes / 60), 'hour');
  return format.format(Math.round(minutes / (24 * 60)), 'day');
}

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
