'use client';

import { useEffect, useState, useTransition } from 'react';
import { updateSong } from '@/lib/actions/songs';
import type { Song } from '@/lib/database.types';
import { IDLE } from '@/lib/live/result';
import { useSongsStoreApi } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { songBase } from '@/lib/songs/conflicts';
import { formValues } from '@/lib/validation/form';
import { CHART_MAX, songUpdateSchema } from '@/lib/validation/song';
import { Button } from '@/components/ui/button';
import { CONTROL_CLASS } from '@/components/ui/field-notes';
import { FormMessage } from '@/components/ui/form-message';
import { ChordChart, chartKeyAfter } from './chord-chart';

type Props = { song: Song; semitones: number };

/** The song as updateSong expects it: every field as the edit started from, with the new chart. */
function saveForm(base: Song, chart: string): FormData {
  const form = new FormData();
  const fields = songBase(base);
  for (const [name, value] of Object.entries(fields)) form.set(name, value === null || value === undefined ? '' : String(value));
  form.set('chart', chart);
  form.set('id', base.id);
  form.set('band_id', base.band_id);
  form.set('version', String(base.version));
  form.set('base', JSON.stringify(fields));
  return form;
}

/**
 * Edits a song's chart with a live preview, saving through updateSong (version check, three-way merge) via the
 * live kernel. The size limit is checked here before anything is sent: a megabyte paste would otherwise hit
 * Next's 1 MB action body limit and fail with the framework's error instead of ours.
 */
export function ChartEditor({ song, semitones }: Props) {
  const mutate = useLiveMutation(songsTable, useSongsStoreApi());
  const [base, setBase] = useState(song);
  const [text, setText] = useState(song.chart ?? '');
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'info' }>();
  const [pending, startTransition] = useTransition();
  const dirty = text !== (base.chart ?? '');

  // A bandmate's save arrives live; it replaces the text only while nothing unsaved is typed here.
  useEffect(() => {
    if (song.version > base.version && !dirty && !pending) {
      setBase(song);
      setText(song.chart ?? '');
    }
  }, [song, base.version, dirty, pending]);

  const save = () => {
    const form = saveForm(base, text);
    const parsed = songUpdateSchema.safeParse(formValues(form));
    if (!parsed.success) {
      setMessage({ text: parsed.error.issues[0]?.message ?? 'This chart cannot be saved', tone: 'error' });
      return;
    }
    startTransition(async () => {
      const change = { kind: 'update' as const, row: { id: base.id }, patch: { chart: parsed.data.chart ?? null } };
      const result = await mutate(change, () => updateSong(IDLE, form), form);
      if (result.status === 'saved') {
        setBase(result.row);
        setMessage({ text: 'Chart saved.', tone: 'info' });
      } else if (result.status === 'conflict') {
        setBase(result.row); // the next save goes against their version; the text typed here stays
        setMessage({ text: result.message, tone: 'error' });
      } else if (result.status === 'gone') setMessage({ text: result.message, tone: 'error' });
      else if (result.status === 'invalid') setMessage({ text: Object.values(result.errors ?? {})[0] ?? 'The chart was not saved.', tone: 'error' });
    });
  };

  const key = chartKeyAfter(text, song.key, semitones);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-2">
        <label htmlFor="chart-source" className="text-sm text-zinc-300">
          Chart (ChordPro: chords in [brackets], {'{title: …}'}, {'{key: …}'}, {'{soc}'} … {'{eoc}'})
        </label>
        <textarea
          id="chart-source"
          name="chart"
          rows={14}
          value={text}
          spellCheck={false}
          aria-describedby="chart-count"
          onChange={(event) => setText(event.target.value)}
          className={`${CONTROL_CLASS} font-mono`}
        />
        <p id="chart-count" className={`text-sm ${text.length > CHART_MAX ? 'text-red-300' : 'text-zinc-400'}`}>
          {text.length.toLocaleString('en')} / {CHART_MAX.toLocaleString('en')} characters
        </p>
        <FormMessage message={message?.text} tone={message?.tone} />
        <div>
          <Button type="button" onClick={save} disabled={pending || !dirty}>
            {pending ? 'Saving…' : 'Save chart'}
          </Button>
        </div>
      </div>
      <section aria-label="Chart preview" className="flex min-w-0 flex-col gap-2">
        <h2 className="text-sm font-semibold text-zinc-300">Preview{key ? ` in ${key}` : ''}</h2>
        <ChordChart source={text.length > CHART_MAX ? text.slice(0, CHART_MAX) : text} semitones={semitones} songKey={song.key} />
      </section>
    </div>
  );
}
