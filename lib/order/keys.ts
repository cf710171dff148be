import { generateKeyBetween } from 'fractional-indexing';
import { compareBytes } from '@/lib/compare';

// The order of a list's items (a setlist, a practice agenda) is a fractional-indexing key per item (npm
// fractional-indexing): moving or inserting one item writes one row, and keys compare byte-wise (PostgreSQL
// COLLATE "C"), so every device sorts them alike.

/** Any row of an ordered list: its key and the id that breaks a tie. */
export type Ordered = { id: string; position: string };

/** Position, then id: total, so even a transient duplicate key sorts the same on every device. */
export function compareItems(a: Ordered, b: Ordered): number {
  return compareBytes(a.position, b.position) || compareBytes(a.id, b.id);
}

/** True for a key fractional-indexing itself accepts (it refuses malformed keys such as 'a00' or 'zz!'). */
export function isOrderKey(key: string): boolean {
  if (!/^[A-Za-z][0-9A-Za-z]+$/.test(key) || key.length > 64) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** A key after every item (`items` in display order). */
export function keyAtEnd(items: ReadonlyArray<Pick<Ordered, 'position'>>): string {
  return generateKeyBetween(items.at(-1)?.position ?? null, null);
}

/**
 * The key that puts `movingId` at `toIndex` of the list as it will read after the move (dnd-kit's arrayMove
 * semantics): between its new neighbours, whatever their keys.
 */
export function keyForMove(items: ReadonlyArray<Ordered>, movingId: string, toIndex: number): string {
  const others = items.filter((item) => item.id !== movingId);
  const index = Math.max(0, Math.min(toIndex, others.length));
  const before = others[index - 1]?.position ?? null;
  // Two neighbours may briefly share a key (another device's item shown before the server moved it aside):
  // then the next key after them is the upper bound.
  const after = others.slice(index).find((item) => before === null || compareBytes(item.position, before) > 0)?.position ?? null;
  return generateKeyBetween(before, after);
}

/**
 * When `wanted` is already taken (another device put an item in the same gap at the same moment), the key just
 * after it: between `wanted` and the next key in use. Both items stay where their movers put them, side by side.
 */
export function keyAfterCollision(positionsInUse: ReadonlyArray<string>, wanted: string): string {
  const next = [...positionsInUse].sort(compareBytes).find((position) => compareBytes(position, wanted) > 0) ?? null;
  return generateKeyBetween(wanted, next);
}
