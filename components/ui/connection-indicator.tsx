import { CONNECTION_LABELS, type ConnectionState } from '@/lib/live/connection';

const DOT: Record<ConnectionState, string> = {
  connecting: 'bg-zinc-400',
  connected: 'bg-emerald-400',
  reconnecting: 'bg-amber-400 animate-pulse',
  offline: 'bg-red-400',
};

/** Always visible: edits from bandmates only arrive while this says Live (design.md, "Session flow"). */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  return (
    <p role="status" aria-label="Connection" data-state={state} className="flex items-center gap-2 text-sm text-zinc-300">
      <span aria-hidden className={`size-2 rounded-full ${DOT[state]}`} />
      {CONNECTION_LABELS[state]}
    </p>
  );
}
