import { RestError } from '../../src/rest/errors.ts';

/** The PGRST/SQLSTATE code `fn` throws as a RestError, any other error as text, or undefined when it does not throw. */
export function restErrorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof RestError ? error.code : String(error);
  }
  return undefined;
}
