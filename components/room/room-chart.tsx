'use client';

// Placeholder until the ChordPro chart component lands (components/charts): the chart's text as written.
export function RoomChart({ source, variant }: { source: string | null | undefined; semitones: number; songKey?: string | null; variant: 'page' | 'stage' }) {
  if (!source) return <p className="text-zinc-400">No chart for this song yet.</p>;
  return <pre className={`whitespace-pre-wrap break-words font-mono ${variant === 'stage' ? 'text-xl' : 'text-sm'}`}>{source}</pre>;
}
