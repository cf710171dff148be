'use client';

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { changeCalendarLink, type CalendarFeedState } from '@/lib/actions/calendar-feed';
import { whenReachable } from '@/lib/actions/when-reachable';
import { feedPath } from '@/lib/calendar/feed';
import { SubscribeHelp } from './subscribe-help';

const changeWhenReachable = whenReachable(changeCalendarLink);
const noSubscription = () => () => undefined;

type Confirming = 'regenerate' | 'revoke' | null;
const WARNINGS = {
  regenerate: 'The current link stops working at once: calendars subscribed to it stop updating until you subscribe again with the new one.',
  revoke: 'The link stops working at once and your calendar apps stop getting your bands’ events. You can make a new link later.',
};

/** The member's private feed link: make it, copy it, replace it (if it leaked) or turn it off. */
export function CalendarFeedPanel({ initialToken }: { initialToken: string | null }) {
  const [state, formAction, pending] = useActionState<CalendarFeedState, FormData>(changeWhenReachable, { token: initialToken });
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // The link needs this page's origin, which only the browser knows for sure (proxies rewrite Host).
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const url = state.token ? `${origin}${feedPath(state.token)}` : null;

  // A new link (or none) makes the old "Copied" and any open question stale.
  useEffect(() => {
    setCopyStatus('');
    setConfirming(null);
  }, [state.token]);

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus('Copied');
    } catch {
      // No clipboard permission (or an old browser): leave the link selected for the system's own Copy.
      input.current?.focus();
      input.current?.select();
      setCopyStatus('Could not copy by itself: the link is selected, copy it with Ctrl+C, ⌘C or your phone’s Copy.');
    }
  }

  if (!url) {
    return (
      <section aria-label="Calendar link" className="flex flex-col gap-3">
        <p className="text-sm text-zinc-400">You have no calendar link at the moment.</p>
        <form action={formAction}>
          <input type="hidden" name="intent" value="create" />
          <Button type="submit" disabled={pending} className="min-h-11">
            Create my calendar link
          </Button>
        </form>
        <FormMessage message={state.errors?.form} />
      </section>
    );
  }

  return (
    <section aria-label="Calendar link" className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <label htmlFor="calendar-feed-url" className="text-sm text-zinc-300">
          Your calendar link
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            ref={input}
            id="calendar-feed-url"
            readOnly
            value={url}
            aria-describedby="calendar-feed-private"
            onFocus={(event) => event.currentTarget.select()}
            className="min-h-11 min-w-0 flex-1 rounded-lg border border-white/15 bg-stage-950 px-3 py-2 font-mono text-sm text-zinc-100 outline-none focus:border-amp-400"
          />
          <Button type="button" onClick={copy} className="min-h-11">
            Copy link
          </Button>
        </div>
        <p role="status" className="min-h-5 text-sm text-amp-400">
          {copyStatus}
        </p>
        <p id="calendar-feed-private" className="text-sm text-zinc-400">
          Private: anyone who has this link can read your bands’ shows and practices. If it got out, get a new link.
        </p>
      </div>

      <SubscribeHelp />

      <form action={formAction} className="flex flex-col gap-3 border-t border-white/10 pt-4">
        {confirming ? (
          <>
            <p className="text-sm text-zinc-200">{WARNINGS[confirming]}</p>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" name="intent" value={confirming} variant="danger" disabled={pending} className="min-h-11">
                {confirming === 'regenerate' ? 'Yes, get a new link' : 'Yes, turn it off'}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirming(null)} className="min-h-11">
                Keep this link
              </Button>
            </div>
          </>
        ) : (
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={() => setConfirming('regenerate')} className="min-h-11">
              Get a new link
            </Button>
            <Button type="button" variant="danger" onClick={() => setConfirming('revoke')} className="min-h-11">
              Turn off
            </Button>
          </div>
        )}
        <FormMessage message={state.errors?.form} />
      </form>
    </section>
  );
}
