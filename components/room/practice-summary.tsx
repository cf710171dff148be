import type { PracticeSummary as Summary } from '@/lib/database.types';
import { formatMinutes } from './item-timer';

/** What the practice room stored when it ended: the songs covered, the time on each, and the notes. */
export function PracticeSummary({ summary }: { summary: Summary }) {
  const total = summary.items.reduce((sum, item) => sum + item.seconds, 0);
  return (
    <section aria-labelledby="summary-title" className="flex flex-col gap-2 rounded-2xl border border-white/10 bg-stage-900 p-4">
      <h3 id="summary-title" className="font-semibold">
        Last practice room: {summary.items.length} {summary.items.length === 1 ? 'song' : 'songs'}, {formatMinutes(total)} in all
      </h3>
      {summary.items.length ? (
        <ol className="flex flex-col gap-2" aria-label="Songs covered">
          {summary.items.map((item) => (
            <li key={item.item_id} aria-label={item.title} className="text-sm">
              <p className="flex justify-between gap-2">
                <span className="font-semibold">{item.title}</span>
                <span data-field="summary-time" className="font-mono text-zinc-300">{formatMinutes(item.seconds)}</span>
              </p>
              {item.notes.length ? (
                <ul className="ml-4 list-disc text-zinc-300">
                  {item.notes.map((note, index) => (
                    <li key={index} className="break-words">{note}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-zinc-400">No song was played in the room.</p>
      )}
    </section>
  );
}
