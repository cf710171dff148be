'use client';

import { useRef } from 'react';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import type { FormState } from '@/lib/actions/state';

/** The auth forms' focus rule: after a refused submit, the first error gets focus (a new state per answer). */
export function useFormFocus(state: FormState) {
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  return form;
}
