import type { Metadata } from 'next';
import { StatusPage, WaysBack } from '@/components/ui/status-page';

export const metadata: Metadata = { title: 'Not found' };

/**
 * Every 404: an unknown address, and a band, setlist, show or practice that does not exist or that this account is
 * not allowed to see (the pages call notFound() for both, so ids of other bands do not leak).
 */
export default function NotFound() {
  return (
    <StatusPage
      label="404 · Page not found"
      title="We can’t find that page"
      actions={<WaysBack />}
    >
      <p>The link may be old, or the band, setlist, show or practice was deleted or belongs to a band you are not in.</p>
    </StatusPage>
  );
}
