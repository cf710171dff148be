'use client';

import { useMemo, useRef } from 'react';
import { useFocusFirstError } from '@/components/calendar/use-focus-first-error';
import type { FormState } from '@/lib/actions/state';

/** The calendar forms' focus rule for the auth forms: after a refused submit, the first error gets focus. */
export function useFormFocus(state: FormState) {
  const form = useRef<HTMLFormElement>(null);
  // A new object per answer, so the same refusal twice still moves focus.
  const status = useMemo(() => ({ status: state.errors ? 'invalid' : 'idle' }), [state]);
  useFocusFirstError(form, status);
  return form;
}
