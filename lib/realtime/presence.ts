// Pure helpers for presence: what each device tracks and how the channel's state becomes a list of people.

export type PresenceMeta = { user_id: string; display_name: string };

/**
 * One entry per user (a user with two tabs is one person), sorted by name for a stable avatar row. Each device
 * joins under its own user id as the presence key, so a meta claiming another user_id than its key is forged and
 * skipped.
 */
export function onlineMembers(state: Record<string, Array<Partial<PresenceMeta>>>): PresenceMeta[] {
  const byUser = new Map<string, PresenceMeta>();
  for (const [key, metas] of Object.entries(state)) {
    for (const meta of metas) {
      if (meta.user_id === key && typeof meta.display_name === 'string' && !byUser.has(meta.user_id)) {
        byUser.set(meta.user_id, { user_id: meta.user_id, display_name: meta.display_name });
      }
    }
  }
  return [...byUser.values()].sort((a, b) => a.display_name.localeCompare(b.display_name) || a.user_id.localeCompare(b.user_id));
}

/** Up to two initials: "Alex Turner" → "AT", "sam" → "S". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}
