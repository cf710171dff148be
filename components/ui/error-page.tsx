'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { Button, buttonClass } from './button';
import { StatusPage } from './status-page';

/**
 * What error.tsx and global-error.tsx show: the failure in plain words, Try again (React re-renders the segment)
 * and a way home. The digest is the server log's reference for the error; the details stay on the server.
 */
export function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <StatusPage
      label="Something went wrong"
      title="This page could not be shown"
      actions={
        <>
          <Button onClick={reset}>Try again</Button>
          <Link href="/bands" className={buttonClass('secondary')}>
            Go to your bands
          </Link>
        </>
      }
    >
      <p>Nothing you saved is lost. Try again; if it keeps happening, reload the page or come back in a minute.</p>
      {error.digest ? <p className="text-sm text-zinc-400">Reference: {error.digest}</p> : null}
    </StatusPage>
  );
}
