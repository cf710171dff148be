import type { Song } from '@/lib/database.types';
import type { FieldErrors } from '@/lib/validation/form';
import { formatDuration, SONG_STATUSES, type SongFieldName } from '@/lib/validation/song';
import { CONTROL_CLASS } from '@/components/ui/field-notes';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';

type SongFieldsProps = {
  /** Unique per form on the page, so labels point at the right inputs. */
  idPrefix: string;
  song?: Song;
  /** What the user submitted last, shown again when the form was refused. */
  values?: Record<string, string>;
  errors?: FieldErrors<SongFieldName | 'form'>;
};

function initial(song: Song | undefined, values: Record<string, string> | undefined, name: SongFieldName): string {
  if (values && name in values) return values[name] ?? '';
  if (!song) return '';
  if (name === 'duration_s') return formatDuration(song.duration_s);
  const value = song[name];
  return value === null ? '' : String(value);
}



export function SongFields({ idPrefix, song, values, errors = {} }: SongFieldsProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="grid gap-3 sm:grid-cols-6">
      <Field id={id('title')} label="Title" name="title" className="sm:col-span-3" limit={200} defaultValue={initial(song, values, 'title')} error={errors.title} />
      <Field id={id('artist')} label="Artist" name="artist" className="sm:col-span-3" limit={200} defaultValue={initial(song, values, 'artist')} error={errors.artist} />
      <Field id={id('key')} label="Key" name="key" placeholder="Am" hint="e.g. C, F#, Bb, Am" className="sm:col-span-1" defaultValue={initial(song, values, 'key')} error={errors.key} />
      <Field id={id('tempo')} label="Tempo (BPM)" name="tempo_bpm" inputMode="numeric" hint="20–400" className="sm:col-span-2" defaultValue={initial(song, values, 'tempo_bpm')} error={errors.tempo_bpm} />
      <Field id={id('duration')} label="Duration" name="duration_s" placeholder="3:45" hint="m:ss, e.g. 3:45" className="sm:col-span-2" defaultValue={initial(song, values, 'duration_s')} error={errors.duration_s} />
      <label htmlFor={id('status')} className="flex flex-col gap-1 text-sm sm:col-span-1">
        <span className="text-zinc-300">Status</span>
        <select id={id('status')} name="status" className={CONTROL_CLASS} defaultValue={initial(song, values, 'status') || 'learning'}>
          {SONG_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <Textarea id={id('notes')} label="Notes" name="notes" rows={2} limit={2000} className="sm:col-span-6" defaultValue={initial(song, values, 'notes')} error={errors.notes} />
    </div>
  );
}
