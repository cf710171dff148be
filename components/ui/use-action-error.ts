'use client';

import { useCallback, useState } from 'react';

type Answer = { status: string; errors?: { form?: string }; message?: string };

/**
 * The one error line of a list of one-tap controls (move, remove, goal…): a refusal or a bandmate's delete is
 * said; a successful answer clears it; the plain "Removed." of the user's own removal is not an error.
 */
export function useActionError() {
  const [error, setError] = useState<string | null>(null);
  const report = useCallback((result: Answer) => {
    if (result.status === 'invalid') setError(result.errors?.form ?? 'That change was refused.');
    else if (result.status === 'gone' && result.message !== 'Removed.') setError(result.message ?? null);
    else setError(null);
  }, []);
  const dismiss = useCallback(() => setError(null), []);
  return { error, report, dismiss };
}
