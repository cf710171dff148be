/**
 * A failure the user can act on: `message` names the cause, `fix` the remedy. The CLI prints both and exits
 * non-zero; anything else that escapes is a bug and is printed with its stack.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
