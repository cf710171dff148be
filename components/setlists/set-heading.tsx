import { clock } from '@/lib/setlists/timing';

/** A set's name and running time, above its first item. */
export function SetHeading({ name, seconds }: { name: string; seconds: number }) {
  return (
    <h3 className="flex items-baseline justify-between text-sm font-semibold uppercase tracking-wide text-amp-400">
      <span data-field="set-name">{name}</span>
      <span className="font-normal normal-case text-zinc-300" data-field="set-length">
        {clock(seconds)}
      </span>
    </h3>
  );
}
