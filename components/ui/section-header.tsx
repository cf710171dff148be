import type { ConnectionState } from '@/lib/live/connection';
import { ConnectionIndicator } from './connection-indicator';

/** A live list's heading with its count, and the connection state beside it. */
export function SectionHeader({ title, count, connection }: { title: string; count: number; connection: ConnectionState }) {
  return (
    <div className="flex items-center justify-between gap-3">
      <h2 className="text-lg font-semibold">
        {title} <span className="text-zinc-400">({count})</span>
      </h2>
      <ConnectionIndicator channel={connection} />
    </div>
  );
}
