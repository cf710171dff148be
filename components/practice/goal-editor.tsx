'use client';

import { useId, useState, type FormEvent } from 'react';
import type { PracticeItemRow } from '@/lib/database.types';
import { GOAL_MAX } from '@/lib/validation/practice';
import type { AgendaActions } from './use-agenda-actions';

/**
 * An agenda item's goal, edited in place: saved on Enter or when focus leaves. While typed and unsaved it is
 * this device's; otherwise it follows the item (a bandmate's new goal shows). Over the limit, it is not sent.
 */
export function GoalEditor({ item, title, actions }: { item: PracticeItemRow; title: string; actions: AgendaActions }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? item.goal ?? '';
  const tooLong = value.length > GOAL_MAX;

  const commit = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === null || tooLong) return;
    if (draft.trim() !== (item.goal ?? '')) void actions.patch(item, { goal: draft.trim() || null });
    setDraft(null);
  };

  return (
    <form onSubmit={commit} aria-label={`Goal for ${title}`} className="flex flex-col gap-1">
      <label htmlFor={`${id}-goal`} className="text-xs text-zinc-300">
        Goal <span className="sr-only">for {title}</span>
        <span id={`${id}-count`} className={tooLong ? 'text-red-300' : 'text-zinc-400'}>
          {' '}
          ({value.length}/{GOAL_MAX})
        </span>
      </label>
      <input
        id={`${id}-goal`}
        value={value}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => commit()}
        placeholder="Run it twice"
        aria-invalid={tooLong || undefined}
        aria-describedby={tooLong ? `${id}-count ${id}-error` : `${id}-count`}
        data-field="goal"
        className="min-h-11 w-full rounded-lg border border-white/15 bg-stage-950 px-3 text-sm text-zinc-100 outline-none focus:border-amp-400 aria-invalid:border-red-400"
      />
      {tooLong ? (
        <span id={`${id}-error`} className="text-xs text-red-300">
          A goal is at most {GOAL_MAX} characters; this one is not saved.
        </span>
      ) : null}
    </form>
  );
}
