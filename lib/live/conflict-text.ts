import type { FieldConflict } from './three-way';

// How a field-level conflict reads, for every live form: exactly the fields both sides changed, each with both
// values, in the words and formats the feature gives (labels, m:ss, …).

export type FieldWords = { label: (field: string) => string; shown: (field: string, value: unknown) => string };

/** "A bandmate also changed tempo (theirs “110”, yours “120”) while you were editing. …" */
export function conflictMessage(conflicts: FieldConflict<string>[], words: FieldWords): string {
  const list = conflicts.map(({ field, mine, theirs }) => `${words.label(field)} (theirs “${words.shown(field, theirs)}”, yours “${words.shown(field, mine)}”)`).join(', ');
  return `A bandmate also changed ${list} while you were editing. Everything else you changed is kept in the form; choose and save again.`;
}

/** One hint per conflicting field, for the form to show under it: the field holds the user's value. */
export function conflictHints(conflicts: FieldConflict<string>[] | undefined, words: FieldWords): Record<string, string> {
  const hints: Record<string, string> = {};
  for (const { field, theirs } of conflicts ?? []) hints[field] = `A bandmate saved “${words.shown(field, theirs)}”. Yours is kept here; saving uses it.`;
  return hints;
}

/** A value as a form shows it, "(empty)" for a cleared field. */
export function plainValue(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(empty)' : String(value);
}
