// A one-time notice carried to /bands when a band's pages close under someone (removed, left, deleted). Kept in
// sessionStorage rather than the URL, so a crafted link cannot make the app claim a band was deleted.

const KEY = 'rock-on:band-notice';

export function leaveNotice(message: string): void {
  try {
    sessionStorage.setItem(KEY, message);
  } catch {
    // Storage refused (private mode quotas): the redirect still happens, only the sentence is lost.
  }
}

/** The waiting notice, removed as it is read so a reload does not repeat it. */
export function takeNotice(): string | null {
  try {
    const message = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return message;
  } catch {
    return null;
  }
}

export const departureMessages = {
  left: (band: string) => `You left ${band}.`,
  /** A DELETE carries no author: this device cannot tell a removal from a leave on the user's other device. */
  removed: (band: string) => `You were removed from ${band} (or left it on another device).`,
  deleted: (band: string) => `${band} was deleted.`,
  /** Seen after a reconnect, when both the band and the membership are already gone from this user's view. */
  lost: (band: string) => `You are no longer in ${band}: it was deleted, or you were removed.`,
};
