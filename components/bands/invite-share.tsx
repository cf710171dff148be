'use client';

import { Check, Copy, Share2 } from 'lucide-react';
import { useState, useSyncExternalStore, type RefObject } from 'react';
import { Button } from '@/components/ui/button';

const noSubscription = () => () => undefined;

/** Selects the link's text, so a device without clipboard access can copy it by hand (or by execCommand). */
function selectText(element: HTMLElement | null): boolean {
  const selection = window.getSelection();
  if (!element || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

async function copy(link: string, element: HTMLElement | null): Promise<'copied' | 'selected'> {
  // The Clipboard API exists only in secure contexts (https, localhost): LAN mode's http://192.168… has none.
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(link);
      return 'copied';
    } catch {
      // Refused (permissions, document not focused): fall through to the selection.
    }
  }
  selectText(element);
  try {
    // Deprecated but still the only copy on plain http; it copies the selection made just above.
    if (document.execCommand('copy')) return 'copied';
  } catch {
    // Not allowed here either: the selected link stays for the user to copy.
  }
  return 'selected';
}

const STATUS = { copied: 'Copied', selected: 'Copying is not allowed here: the link is selected, copy it from your keyboard or menu.' };

/** Copy the invite link in one tap, or hand it to the phone's share sheet where there is one. */
export function InviteShare({ link, bandName, linkRef }: { link: string; bandName: string; linkRef: RefObject<HTMLElement | null> }) {
  const [status, setStatus] = useState<keyof typeof STATUS | null>(null);
  const canShare = useSyncExternalStore(noSubscription, () => typeof navigator.share === 'function', () => false);

  const share = async () => {
    try {
      await navigator.share({ title: `Join ${bandName} on Rock-On`, text: `Join ${bandName} on Rock-On`, url: link });
    } catch {
      // AbortError when the sheet is dismissed; nothing to say.
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            setStatus(null);
            setStatus(await copy(link, linkRef.current));
          }}
        >
          {status === 'copied' ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
          Copy link
        </Button>
        {canShare ? (
          <Button type="button" variant="secondary" onClick={share}>
            <Share2 aria-hidden className="size-4" />
            Share
          </Button>
        ) : null}
      </div>
      <p role="status" className="min-h-5 text-sm text-amp-400" data-testid="copy-status">
        {status ? STATUS[status] : ''}
      </p>
    </div>
  );
}
