import type { FieldErrors } from '@/lib/validation/form';
import type { FieldConflict } from './three-way';

// What every live server action returns, and what the kernel's action wiring (useLiveMutation) understands.
// Plain types, not in a 'use server' file, which may export only async functions.

export type LiveResult<Row, Field extends string = string> =
  | { status: 'idle' }
  /** Refused before or by the database: nothing was written. `values` gives a refused form back filled in. */
  | { status: 'invalid'; errors?: FieldErrors<Field | 'form'>; values?: Record<string, string> }
  | { status: 'saved'; row: Row }
  /**
   * Someone else saved first and changed what this edit changed: `row` is their version, now on screen; `conflicts`
   * names the fields both changed; nothing was written.
   */
  | { status: 'conflict'; row: Row; message: string; values?: Record<string, string>; conflicts?: FieldConflict<Extract<keyof Row, string>>[] }
  /** The row no longer exists (deleted here or by a bandmate): `key` holds its key columns. */
  | { status: 'gone'; key: Partial<Row>; message: string }
  /** Kept on this device (offline): shown as waiting, replayed in order once the server can be reached. */
  | typeof QUEUED;

export const IDLE = { status: 'idle' } as const;

/** The answer when the server could not be reached at all (offline, server down): nothing was saved. */
export const UNREACHABLE = {
  status: 'invalid',
  errors: { form: 'Could not reach the server, so nothing was saved. Check the connection and try again.' },
} as const;

/** The answer when a change was kept in the offline queue: on screen and on this device, not yet on the server. */
export const QUEUED = { status: 'queued', message: 'Saved on this device — will sync when the connection is back.' } as const;
