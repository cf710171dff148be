'use client';

import { useEffect, type RefObject } from 'react';

/** After a refused submit, focus goes to the first field marked invalid (else the form's alert), so it is read out. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, state: { status: string }) {
  useEffect(() => {
    if (state.status !== 'invalid') return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    if (target?.getAttribute('role') === 'alert') target.tabIndex = -1;
    target?.focus();
  }, [form, state]);
}
