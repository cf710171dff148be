'use client';

import { useId, useState, useTransition } from 'react';
import { removeMember, setMemberRole } from '@/lib/actions/band-admin';
import type { BandMemberRow, BandRole } from '@/lib/database.types';
import { IDLE } from '@/lib/live/result';
import { useBandMembersStoreApi } from '@/lib/live/stores';
import { bandMembersTable } from '@/lib/live/tables/bands';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { BAND_ROLES } from '@/lib/validation/band';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { useLiveBand } from './band-live';
import { ROLE_LABELS, RoleChip } from './role-chip';

type Props = { member: BandMemberRow; name: string; isMe: boolean; myRole: BandRole | undefined };

function asForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

/**
 * One member: name and role chip for everyone; a role picker and Remove for those the database lets this user
 * change (owners: anyone; admins: members and admins, never an owner). Refusals, such as the last owner's, show
 * under the row, tied to the picker.
 */
export function MemberRow({ member, name, isMe, myRole }: Props) {
  const { name: bandName } = useLiveBand();
  const mutate = useLiveMutation(bandMembersTable, useBandMembersStoreApi());
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const errorId = useId();
  const key = { band_id: member.band_id, user_id: member.user_id };

  const mayManage = myRole === 'owner' || (myRole === 'admin' && member.role !== 'owner');
  const roles: readonly BandRole[] = myRole === 'owner' ? BAND_ROLES : ['admin', 'member'];
  const mayRemove = mayManage && !isMe;

  const changeRole = (role: BandRole) =>
    startTransition(async () => {
      const result = await mutate({ kind: 'update', row: key, patch: { role } }, () => setMemberRole(IDLE, asForm({ ...key, role })));
      setError(result.status === 'invalid' ? (result.errors?.form ?? 'That change was refused.') : result.status === 'gone' ? result.message : null);
    });

  const remove = () =>
    startTransition(async () => {
      // Not echoed before the answer: a refused removal must leave this row (and its error line) mounted.
      const result = await mutate(null, () => removeMember(IDLE, asForm(key)));
      setConfirming(false);
      setError(result.status === 'invalid' ? (result.errors?.form ?? 'That change was refused.') : null);
    });

  return (
    <li className="flex flex-col gap-2 rounded-lg border border-white/10 px-3 py-2" data-testid="member-row" aria-label={name}>
      <div className="flex min-h-11 flex-wrap items-center justify-between gap-2">
        <span className="min-w-0 break-words font-medium">
          {name}
          {isMe ? <span className="text-zinc-400"> (you)</span> : null}
        </span>
        <RoleChip role={member.role} />
      </div>
      {mayManage || mayRemove ? (
        <div className="flex flex-wrap items-center gap-2">
          {mayManage ? (
            <label className="flex items-center gap-2 text-sm text-zinc-300">
              <span>Role</span>
              <select
                className="min-h-11 rounded-lg border border-white/15 bg-stage-950 px-2 text-zinc-100"
                value={member.role}
                disabled={pending}
                aria-label={`Role for ${name}`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(event) => changeRole(event.target.value as BandRole)}
              >
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {mayRemove ? (
            <Dialog
              open={confirming}
              onOpenChange={setConfirming}
              title={`Remove ${name}?`}
              description={`${name} leaves ${bandName} at once, on every device. They can come back with a new invite.`}
              trigger={<Button variant="danger">Remove</Button>}
            >
              <div className="flex flex-wrap justify-end gap-2">
                <DialogClose asChild>
                  <Button variant="secondary">Cancel</Button>
                </DialogClose>
                <Button variant="danger" onClick={remove} disabled={pending}>
                  {pending ? 'Removing…' : `Remove ${name}`}
                </Button>
              </div>
            </Dialog>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-300">
          {error}
        </p>
      ) : null}
    </li>
  );
}
