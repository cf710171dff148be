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

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The first user-perceived character: a flag, a ZWJ emoji family or "e" + combining accent stays whole. */
function firstGrapheme(word: string): string {
  const first = GRAPHEMES.segment(word)[Symbol.iterator]().next();
  return first.done ? '' : first.value.segment;
}

/** Upper case where that keeps one character ("é" → "É"); "ß" → "SS" would not, so it stays as written. */
function upper(grapheme: string): string {
  const up = grapheme.toLocaleUpperCase();
  return [...GRAPHEMES.segment(up)].length === 1 ? up : grapheme;
}

/**
 * Up to two initials, by grapheme (Intl.Segmenter), never by UTF-16 unit: "Alex Turner" → "AT", "sam" → "S",
 * "Émile Zola" → "ÉZ", "🎸 Sam" → "🎸S". A name of only spaces gives "?" so the avatar is never blank.
 */
export function initials(name: string): string {
  const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => upper(firstGrapheme(word))).join('');
  return letters || '?';
}
