'use client';

import { useEffect, useState } from 'react';
import { useBandPresence } from '@/components/presence/presence-provider';
import { SectionHeader } from '@/components/ui/section-header';
import { useAuth } from '@/lib/live/auth-provider';
import { useLiveBand } from './band-live';
import { MemberRow } from './member-row';

/**
 * Display names for the live line-up: the server's names, then any newcomer's fetched once they appear, with
 * a bandmate's name as their own devices announce it in presence taking over (it changes there the moment they
 * rename themselves, without anyone reloading).
 */
function useMemberNames(initial: Record<string, string>, userIds: string[]): Record<string, string> {
  const { supabase } = useAuth();
  const { members: online } = useBandPresence();
  const [fetched, setFetched] = useState<Record<string, string>>({});
  const missing = userIds.filter((id) => !(id in initial) && !(id in fetched)).join(',');

  useEffect(() => {
    if (!missing) return;
    let active = true;
    void supabase
      .from('profiles')
      .select('id, display_name')
      .in('id', missing.split(','))
      .then(({ data }) => {
        if (active && data) setFetched((names) => ({ ...names, ...Object.fromEntries(data.map((row) => [row.id, row.display_name])) }));
      });
    return () => {
      active = false;
    };
  }, [missing, supabase]);

  const live = Object.fromEntries(online.map((member) => [member.user_id, member.display_name]));
  return { ...initial, ...fetched, ...live };
}

/** The band's line-up, live: names, role chips and, for owners and admins, the controls the database allows. */
export function MembersList({ initialNames }: { initialNames: Record<string, string> }) {
  const { members, userId, role, connection } = useLiveBand();
  const names = useMemberNames(initialNames, members.map((member) => member.user_id));
  const nameOf = (id: string) => names[id] ?? 'Member';
  const sorted = [...members].sort((a, b) => nameOf(a.user_id).localeCompare(nameOf(b.user_id)) || a.user_id.localeCompare(b.user_id));

  return (
    <section className="flex flex-col gap-3">
      <SectionHeader title="Members" count={members.length} connection={connection} />
      <ul className="flex flex-col gap-2" aria-label="Members">
        {sorted.map((member) => (
          <MemberRow key={member.user_id} member={member} name={nameOf(member.user_id)} isMe={member.user_id === userId} myRole={role} />
        ))}
      </ul>
    </section>
  );
}
