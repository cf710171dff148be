import { parseChart, type ChartLine, type ChordPair } from '@/lib/charts/chart';
import { chartKeyAfter as keyAfter, transposeLines } from '@/lib/charts/transpose';

// Chords above lyrics, as text nodes only (React escapes them; no HTML from the chart ever reaches the page).
// Each chord/lyric pair is an inline block, so a long line wraps at a pair instead of scrolling sideways; screen
// readers hear "chord G" before the words it sits on, not a bare letter in the middle of a sentence.

type Variant = 'page' | 'stage';
type Props = { source: string; semitones: number; songKey?: string | null; variant?: Variant };

/** The key the chart sounds in after `semitones` ({key:} in the chart, else the song's key); null if unknown. */
export function chartKeyAfter(source: string, songKey: string | null | undefined, semitones: number): string | null {
  return keyAfter(parseChart(source).key, songKey, semitones);
}

const TYPE: Record<Variant, { chord: string; lyrics: string; gap: string }> = {
  page: { chord: 'text-sm text-amp-400', lyrics: 'text-base text-zinc-100', gap: 'gap-y-2' },
  stage: { chord: 'text-2xl text-yellow-300', lyrics: 'text-3xl text-white', gap: 'gap-y-4' },
};

export function ChordChart({ source, semitones, songKey, variant = 'page' }: Props) {
  const chart = parseChart(source);
  const lines = transposeLines(chart.lines, chart.key ?? songKey ?? null, semitones);
  if (lines.length === 0) return <p className="text-zinc-400">No chart yet.</p>;
  const type = TYPE[variant];
  return (
    <div data-chart data-variant={variant} className={`flex flex-col font-mono ${type.gap} ${variant === 'stage' ? 'bg-black p-4' : ''}`}>
      {lines.map((line, index) => (
        <Line key={index} line={line} type={type} />
      ))}
    </div>
  );
}

function Line({ line, type }: { line: ChartLine; type: (typeof TYPE)[Variant] }) {
  switch (line.kind) {
    case 'title':
      return <p className="font-sans text-xl font-bold text-white">{line.text}</p>;
    case 'key':
      return <p className="font-sans text-sm text-zinc-300">Key: {line.text}</p>;
    case 'section':
      return <p className="mt-2 font-sans text-sm font-bold tracking-wide text-zinc-300 uppercase">{line.label}</p>;
    case 'comment':
      return <p className="font-sans text-sm text-zinc-300 italic">{line.text}</p>;
    case 'blank':
      return <div aria-hidden className="h-3" />;
    case 'bad':
      return (
        <p data-bad-line className="rounded border border-dashed border-amber-300/60 px-2 py-1 break-words whitespace-pre-wrap text-zinc-100">
          {line.text}
          <span className="mt-1 block font-sans text-sm text-amber-200">Couldn’t read this line</span>
        </p>
      );
    case 'lyrics':
      return (
        <p data-chart-line className="flex flex-wrap items-end">
          {line.pairs.map((pair, index) => (
            <Pair key={index} pair={pair} type={type} chordRow={line.pairs.some((each) => each.chord !== '')} />
          ))}
        </p>
      );
  }
}

function Pair({ pair, type, chordRow }: { pair: ChordPair; type: (typeof TYPE)[Variant]; chordRow: boolean }) {
  const hasChords = pair.chord !== '';
  return (
    <span className="inline-flex max-w-full flex-col">
      {/* A line without chords gets no empty chord row above it. */}
      {chordRow ? <span aria-hidden data-chord={pair.chord || undefined} className={`min-h-[1.25em] pr-2 font-bold ${type.chord}`}>
        {pair.chord}
      </span> : null}
      <span className={`break-words whitespace-pre-wrap ${type.lyrics}`}>
        {hasChords ? <span className="sr-only">chord {pair.chord}: </span> : null}
        {pair.lyrics || (hasChords ? '\u00a0' : '')}
      </span>
    </span>
  );
}
