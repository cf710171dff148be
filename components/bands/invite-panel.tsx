'use client';

import { useActionState, useRef, useSyncExternalStore } from 'react';
import { createInvite } from '@/lib/actions/bands';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { whenReachable } from '@/lib/actions/when-reachable';
import { useLiveBand } from './band-live';
import { InviteShare } from './invite-share';

const createInviteWhenReachable = whenReachable(createInvite);

const noSubscription = () => () => undefined;

/** The invite code and the /join/<code> link for it; owners and admins only (RLS enforces it too). */
export function InvitePanel({ bandId, initialCode }: { bandId: string; initialCode: string | null }) {
  const [state, formAction, pending] = useActionState(createInviteWhenReachable, {});
  // The link needs this page's origin, which only the browser knows for sure (proxies rewrite Host).
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const code = state.code ?? initialCode;
  const link = `${origin}/join/${code}`;
  const linkRef = useRef<HTMLElement>(null);
  const { name, role } = useLiveBand();
  // Follows the user's role live: an admin who is made a member loses the panel at once (RLS refuses it anyway).
  if (role !== 'owner' && role !== 'admin') {
    return <p className="text-sm text-zinc-400">Ask the band&apos;s owner or an admin for an invite link to bring someone in.</p>;
  }
  return (
    <section className="flex flex-col gap-3" aria-label="Invite">
      <h2 className="text-lg font-semibold">Invite a bandmate</h2>
      {code ? (
        <dl className="flex flex-col gap-2 text-sm">
          <dt className="text-zinc-400">Invite code</dt>
          <dd className="font-mono text-xl tracking-widest" data-testid="invite-code">
            {code}
          </dd>
          <dt className="text-zinc-400">Invite link</dt>
          <dd ref={linkRef} className="break-all font-mono text-amp-400" data-testid="invite-link">
            {link}
          </dd>
        </dl>
      ) : (
        <p className="text-sm text-zinc-400">No active invite. Create one and share the code or the link.</p>
      )}
      {code ? <InviteShare link={link} bandName={name} linkRef={linkRef} /> : null}
      <form action={formAction}>
        <input type="hidden" name="band_id" value={bandId} />
        <Button type="submit" variant={code ? 'secondary' : 'primary'} disabled={pending}>
          {code ? 'New invite code' : 'Create invite'}
        </Button>
      </form>
      <FormMessage message={state.errors?.form} />
      <p className="text-xs text-zinc-400">Invites expire after 7 days.</p>
    </section>
  );
}
