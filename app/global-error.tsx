'use client';

import './globals.css';
import { ErrorPage } from '@/components/ui/error-page';

/** Replaces the root layout when the layout itself fails, so it brings its own <html> and <body>. */
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans text-zinc-100 antialiased">
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
