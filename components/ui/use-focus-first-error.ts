'use client';

import { useEffect, type RefObject } from 'react';

/** Any form answer: the live results say status 'invalid'; the plain forms (auth, bands) carry errors only. */
type Answer = { status?: string; errors?: Record<string, string | undefined> };

function refused(state: Answer): boolean {
  if (state.status !== undefined) return state.status === 'invalid';
  return Object.values(state.errors ?? {}).some(Boolean);
}

/**
 * After a refused submit, focus goes to the first field marked invalid (else the form's alert), so it is read out
 * and in view. Every form uses it: a keyboard or screen-reader user must not hunt for what went wrong.
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, state: Answer) {
  useEffect(() => {
    if (!refused(state)) return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    if (target?.getAttribute('role') === 'alert') target.tabIndex = -1;
    target?.focus();
  }, [form, state]);
}
