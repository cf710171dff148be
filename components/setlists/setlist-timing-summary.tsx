import { againstTarget, clock, type SetlistTiming } from '@/lib/setlists/timing';

/** Total against the target, per set, live as items move; songs without a length are counted, not guessed. */
export function SetlistTimingSummary({ timing, targetSeconds }: { timing: SetlistTiming; targetSeconds: number | null }) {
  const target = againstTarget(timing.totalSeconds, targetSeconds);
  return (
    <section aria-label="Running time" className="flex flex-wrap items-baseline gap-x-4 gap-y-1 rounded-xl border border-white/10 px-4 py-3">
      <p className="text-2xl font-bold tabular-nums" data-field="total">
        {clock(timing.totalSeconds)}
      </p>
      {targetSeconds !== null ? <p className="text-sm text-zinc-300">of {clock(targetSeconds)} target</p> : null}
      {target ? (
        <p data-field="against-target" data-tone={target.tone} className={`text-sm font-semibold ${target.tone === 'over' ? 'text-red-300' : 'text-emerald-300'}`}>
          {target.label}
        </p>
      ) : null}
      <ul aria-label="Sets" className="flex basis-full flex-wrap gap-x-4 text-sm text-zinc-300">
        {timing.sets.map((set, index) => (
          <li key={index} data-set={set.name}>
            {set.name}: <span data-field="set-length">{clock(set.seconds)}</span> ({set.songs} {set.songs === 1 ? 'song' : 'songs'})
          </li>
        ))}
        {timing.breakSeconds ? <li>Breaks: {clock(timing.breakSeconds)}</li> : null}
        {timing.unknown ? <li className="text-amber-200">{timing.unknown} without a length</li> : null}
      </ul>
    </section>
  );
}
