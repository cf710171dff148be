import { BackLink } from '@/components/ui/back-link';
import type { SetlistsData } from '@/lib/data/setlists';
import { compareItems } from '@/lib/order/keys';
import { clock, setlistTiming } from '@/lib/setlists/timing';
import { semitoneLabel, transposeKey } from '@/lib/setlists/transpose';
import { PrintButton } from './print-button';

/**
 * The sheet a band tapes to the stage floor: one set per page (per column on screen), large type, each song with
 * the key it is played in and the transpose that got it there. Rendered on the server; printing needs no script.
 */
export function SetlistPrint({ data }: { data: SetlistsData }) {
  const setlist = data.setlists[0]!;
  const items = [...data.items].sort(compareItems);
  const songs = new Map(data.songs.map((song) => [song.id, song]));
  const timing = setlistTiming(items, (id) => songs.get(id)?.duration_s ?? null);
  const byId = new Map(items.map((item) => [item.id, item]));
  return (
    <div className="flex flex-col gap-6 print:gap-0 print:text-black">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <BackLink href={`/bands/${setlist.band_id}/setlists/${setlist.id}`}>Back to the editor</BackLink>
        <PrintButton />
      </div>
      <div className="grid gap-6 md:grid-cols-2 print:block">
        {timing.sets.map((set, index) => (
          <section key={index} aria-label={set.name} className="rounded-2xl border border-white/10 p-6 print:break-after-page print:border-0 print:p-0 print:last:break-after-auto">
            <header className="mb-4 flex items-baseline justify-between gap-4 border-b border-white/20 pb-2 print:border-black">
              <h2 className="text-3xl font-black uppercase">
                {setlist.name} · {set.name}
              </h2>
              <p className="text-xl tabular-nums">{clock(set.seconds)}</p>
            </header>
            <ol className="flex flex-col gap-3">
              {set.itemIds.map((id) => {
                const item = byId.get(id)!;
                const song = item.song_id ? songs.get(item.song_id) : undefined;
                if (item.kind === 'note') return <li key={id} className="text-2xl italic">{item.notes}</li>;
                return (
                  <li key={id} className="flex items-baseline justify-between gap-4 text-4xl font-bold leading-tight print:text-5xl">
                    <span>{song?.title ?? 'Unknown song'}</span>
                    <span className="shrink-0 text-3xl font-semibold" data-field="key">
                      {song?.key ? transposeKey(song.key, item.transpose) : ''}
                      {item.transpose ? <span className="ml-2 text-xl font-normal">({semitoneLabel(item.transpose)})</span> : null}
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
