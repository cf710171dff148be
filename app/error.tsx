'use client';

import { ErrorPage } from '@/components/ui/error-page';

// Errors in any page or nested layout; the root layout's own are global-error.tsx's.
export default function Error(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPage {...props} />;
}
