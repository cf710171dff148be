'use client';

import { useState } from 'react';
import { setAvailability } from '@/lib/actions/availability';
import type { AvailabilityAnswer, AvailabilityRow } from '@/lib/database.types';
import { answersFor, countAnswers } from '@/lib/calendar/events';
import { useAvailabilityStore, useAvailabilityStoreApi } from '@/lib/live/stores';
import { availabilityTable, draftRow } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { ANSWER_NOTE_MAX, ANSWERS } from '@/lib/validation/availability';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useCalendarMe } from './calendar-live';

const WORD: Record<AvailabilityAnswer, string> = { yes: 'Yes', maybe: 'Maybe', no: 'No' };
const PRESSED: Record<AvailabilityAnswer, string> = {
  yes: 'aria-pressed:bg-emerald-500 aria-pressed:text-stage-950',
  maybe: 'aria-pressed:bg-amber-400 aria-pressed:text-stage-950',
  no: 'aria-pressed:bg-red-400 aria-pressed:text-stage-950',
};

type Props = { bandId: string; kind: 'show' | 'practice'; eventId: string; title: string; detailed?: boolean };

/**
 * "Can you make it?" in one tap, with the band's yes/maybe/no counts, live for everyone. `detailed` lists every
 * member's answer (event pages); the compact form (home) shows the counts only.
 */
export function EventAvailability({ bandId, kind, eventId, title, detailed = false }: Props) {
  const { userId, members } = useCalendarMe();
  const store = useAvailabilityStoreApi();
  const mutate = useLiveMutation(availabilityTable, store);
  const rows = answersFor(eventId, useAvailabilityStore((state) => state.rows));
  const mine = rows.find((row) => row.user_id === userId);
  const counts = countAnswers(rows);
  const [error, setError] = useState<string>();

  async function answer(next: AvailabilityAnswer, note = mine?.note ?? null) {
    setError(undefined);
    const payload = { band_id: bandId, kind, event_id: eventId, answer: next, note: note ?? '' };
    const row = { event_id: eventId, user_id: userId, band_id: bandId, show_id: kind === 'show' ? eventId : null, practice_id: kind === 'practice' ? eventId : null, answer: next, note: note?.trim() || null };
    const change = mine ? { kind: 'update' as const, row: { event_id: eventId, user_id: userId }, patch: { answer: next, note: row.note } } : { kind: 'insert' as const, row: draftRow<AvailabilityRow>(row) };
    const result = await mutate(change, () => setAvailability(payload), undefined, { op: 'availability.set', payload, label: `Answer “${WORD[next]}” for ${title}` });
    if (result.status === 'invalid' || result.status === 'gone') setError(result.status === 'gone' ? result.message : result.errors?.form);
  }

  const name = (id: string) => (id === userId ? 'You' : (members.find((member) => member.user_id === id)?.display_name ?? 'A former member'));
  return (
    <section aria-label={`Who can make ${title}`} className="flex flex-col gap-2" data-testid={`availability-${eventId}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-zinc-300">Can you make it?</span>
        <div role="group" aria-label="Your answer" className="flex gap-1">
          {ANSWERS.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={mine?.answer === option}
              onClick={() => void answer(option)}
              className={`min-h-11 min-w-14 rounded-lg border border-white/15 px-3 text-sm font-semibold text-zinc-100 ${PRESSED[option]}`}
            >
              {WORD[option]}
            </button>
          ))}
        </div>
        <p className="text-sm text-zinc-300" data-testid="answer-counts" aria-live="polite">
          {counts.yes} yes · {counts.maybe} maybe · {counts.no} no
        </p>
      </div>
      <FormMessage message={error} />
      {detailed && mine ? <AnswerNote key={mine.note ?? ''} note={mine.note ?? ''} onSave={(note) => void answer(mine.answer, note)} /> : null}
      {detailed ? (
        <ul aria-label="Answers" className="flex flex-col gap-1 text-sm">
          {members.map((member) => {
            const row = rows.find((answer) => answer.user_id === member.user_id);
            return (
              <li key={member.user_id} className="flex justify-between gap-2 border-b border-white/5 py-1">
                <span>{name(member.user_id)}</span>
                <span className="text-zinc-300">{row ? `${WORD[row.answer]}${row.note ? ` — ${row.note}` : ''}` : 'No answer yet'}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** "Might be late": an optional note on my answer (200 characters), saved with it. */
function AnswerNote({ note, onSave }: { note: string; onSave: (note: string) => void }) {
  const [text, setText] = useState(note);
  const tooLong = text.trim().length > ANSWER_NOTE_MAX;
  return (
    <form
      aria-label="Note on your answer"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text);
      }}
    >
      <Field
        id="answer-note"
        label="Note on your answer (optional)"
        name="note"
        className="flex-1"
        value={text}
        limit={ANSWER_NOTE_MAX}
        onChange={(event) => setText(event.target.value)}
        placeholder="Might be late"
        error={tooLong ? `A note is at most ${ANSWER_NOTE_MAX} characters` : undefined}
      />
      <button type="submit" disabled={tooLong || text.trim() === note.trim()} className="min-h-11 rounded-lg border border-white/15 px-3 text-sm font-semibold disabled:opacity-50">
        Save note
      </button>
    </form>
  );
}
