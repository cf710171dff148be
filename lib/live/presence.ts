// Pure helpers for presence: what each device tracks and how the channel's state becomes a list of people.

/** What one device tracks: who it is and the page it shows (`at`, a path such as /bands/<id>/setlists/<id>). */
export type PresenceMeta = { user_id: string; display_name: string; at?: string };

/** One person, with every page their devices have open. */
export type PresenceMember = { user_id: string; display_name: string; at: string[] };

/**
 * One entry per user (a user with two tabs is one person), sorted by name for a stable avatar row. Each device
 * joins under its own user id as the presence key, so a meta claiming another user_id than its key is forged and
 * skipped.
 */
export function onlineMembers(state: Record<string, Array<Partial<PresenceMeta>>>): PresenceMember[] {
  const byUser = new Map<string, PresenceMember>();
  for (const [key, metas] of Object.entries(state)) {
    for (const meta of metas) {
      if (meta.user_id !== key || typeof meta.display_name !== 'string') continue;
      const member = byUser.get(key) ?? { user_id: key, display_name: meta.display_name, at: [] };
      if (typeof meta.at === 'string' && !member.at.includes(meta.at)) member.at.push(meta.at);
      byUser.set(key, member);
    }
  }
  return [...byUser.values()].sort((a, b) => a.display_name.localeCompare(b.display_name) || a.user_id.localeCompare(b.user_id));
}

/** The members other than `userId` with `path` open on some device. */
export function viewersOf(members: PresenceMember[], path: string, userId: string): PresenceMember[] {
  return members.filter((member) => member.user_id !== userId && member.at.includes(path));
}

/** Up to two initials: "Alex Turner" → "AT", "sam" → "S". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}
