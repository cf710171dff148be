import type { BandRole } from '@/lib/database.types';

export const ROLE_LABELS: Record<BandRole, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };

const COLORS: Record<BandRole, string> = {
  owner: 'border-amp-400/50 bg-amp-500/15 text-amp-400',
  admin: 'border-sky-400/50 bg-sky-500/15 text-sky-300',
  member: 'border-white/20 bg-white/5 text-zinc-300',
};

export function RoleChip({ role }: { role: BandRole }) {
  return <span className={`inline-flex shrink-0 items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold ${COLORS[role]}`}>{ROLE_LABELS[role]}</span>;
}
