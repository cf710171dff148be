import type { Metadata } from 'next';
import { StatusPage, WaysBack } from '@/components/ui/status-page';

export const metadata: Metadata = { title: 'Bad link', robots: { index: false } };

/**
 * Shown (status 400, by middleware.ts) for an address that is not a valid URL, e.g. `/join/%` from an invite
 * link cut short while copying: Next.js would otherwise answer its own unstyled 400.
 */
export default function BadRequestPage() {
  return (
    <StatusPage
      label="400 · Bad link"
      title="That link is broken"
      actions={<WaysBack />}
    >
      <p>Part of the address is garbled, often because it was cut short while being copied. Ask for the link again.</p>
      <p>An invite code is 10 letters and digits: you can also type it under “Join a band” on your bands page.</p>
    </StatusPage>
  );
}
