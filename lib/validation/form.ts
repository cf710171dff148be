import type { z } from 'zod';

/** What every form action returns: field errors for inline display, or one message for the whole form. */
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/** The first message per field, keyed by the field's name, as the forms display them. */
export function fieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? 'form') as K;
    errors[name] ??= issue.message;
  }
  return errors;
}

/** FormData → plain object of its string fields (files are never expected here). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === 'string') values[name] = value;
  return values;
}
