'use client';

import { useState, type FormEvent } from 'react';
import type { SetlistItem } from '@/lib/database.types';
import { clock } from '@/lib/setlists/timing';
import { BREAK_NAME_MAX, ITEM_NOTES_MAX, itemPatchSchema } from '@/lib/validation/setlist';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { useItemActions } from './use-item-actions';

const LABELS = {
  song: { notes: 'Notes for this song', length: 'Length here (m:ss)', summary: 'Notes & length', limit: ITEM_NOTES_MAX },
  break: { notes: 'Name of the next set', length: 'Break length (m:ss)', summary: 'Set name & break length', limit: BREAK_NAME_MAX },
  note: { notes: 'Note', length: '', summary: 'Edit note', limit: ITEM_NOTES_MAX },
} as const;

/** Per-item notes and length override, folded away until needed; errors show on their field. */
export function ItemDetails({ item, title, actions }: { item: SetlistItem; title: string; actions: ReturnType<typeof useItemActions> }) {
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  // The form is built only when opened: sixty closed rows should cost sixty summaries, not sixty forms.
  const [open, setOpen] = useState(false);
  const labels = LABELS[item.kind];
  const prefix = `item-${item.id}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const patch: Record<string, unknown> = { notes: String(form.get('notes') ?? '') };
    if (item.kind !== 'note') patch.duration_override_s = String(form.get('duration_override_s') ?? '');
    const parsed = itemPatchSchema.safeParse({ id: item.id, band_id: item.band_id, patch });
    if (!parsed.success) {
      // Errors of the patch are reported under `patch`; map them to the inputs they belong to.
      const byField: Record<string, string> = {};
      for (const issue of parsed.error.issues) byField[String(issue.path[1] ?? 'form')] ??= issue.message;
      setErrors(byField);
      return;
    }
    setErrors({});
    void actions.patch(item, parsed.data.patch);
  };

  return (
    <details className="pb-2 pr-3 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="flex min-h-11 cursor-pointer items-center text-zinc-400" aria-label={`${labels.summary} of ${title}`}>
        {labels.summary}
      </summary>
      {open ? (
        <form onSubmit={submit} aria-label={`Details of ${title}`} className="flex flex-col gap-2 pt-1" noValidate>
          <Field id={`${prefix}-notes`} label={labels.notes} name="notes" limit={labels.limit} defaultValue={item.notes ?? ''} error={errors.notes} />
          {item.kind !== 'note' ? (
            <Field
              id={`${prefix}-length`}
              label={labels.length}
              name="duration_override_s"
              placeholder={item.kind === 'break' ? '15:00' : '3:45'}
              defaultValue={item.duration_override_s === null ? '' : clock(item.duration_override_s)}
              error={errors.duration_override_s}
            />
          ) : null}
          <Button type="submit" variant="secondary" className="min-h-11 self-start">
            Save details
          </Button>
        </form>
      ) : null}
    </details>
  );
}
