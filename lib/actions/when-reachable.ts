import { unstable_rethrow } from 'next/navigation';
import { formValues } from '@/lib/validation/form';
import type { FormState } from './state';

// For the forms outside the live-table kernel (sign-in, sign-up, bands, invites): a server action that cannot
// reach the server rejects, and a rejected form action ends in the error page. Offline, or with the server
// down, the form answers in words instead and keeps what was typed.

const MESSAGE = 'Could not reach the server. Check the connection and try again; nothing was sent.';

export function whenReachable<State extends FormState>(action: (state: State, formData: FormData) => Promise<State>) {
  return async (state: State, formData: FormData): Promise<State> => {
    const unreachable = { ...state, errors: { form: MESSAGE }, values: formValues(formData) };
    if (!navigator.onLine) return unreachable;
    try {
      return await action(state, formData);
    } catch (error) {
      unstable_rethrow(error); // Next's own redirects and not-founds are not failures
      console.warn('A form did not reach the server', error);
      return unreachable;
    }
  };
}
