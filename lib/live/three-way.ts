// Three-way merge of one row, field by field: the version an edit started from (`base`), the edit (`mine`), and
// the row as it is now (`theirs`). A field only one side changed takes that side's value without asking; a field
// both sides changed to different values is a conflict, named with both values. Used by the server actions when
// a version-checked save finds a newer row, and so also by every replay of an offline edit.

export type FieldConflict<Field extends string = string> = { field: Field; mine: unknown; theirs: unknown };

export type ThreeWayResult<Row> = {
  /** The fields to write on top of `theirs`: the ones only this edit changed. */
  patch: Partial<Row>;
  conflicts: FieldConflict<Extract<keyof Row, string>>[];
};

/** Values as the database returns them (text, numbers, null, JSON) compared by content. */
export function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') return false;
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * `mine` holds the edited fields only (what the form sends). A field missing from `base` (an edit saved by an
 * older client that sent no base) counts as changed by both sides: it merges only if both ended equal.
 */
export function mergeThreeWay<Row extends object>(base: Partial<Row>, mine: Partial<Row>, theirs: Row): ThreeWayResult<Row> {
  const patch: Partial<Row> = {};
  const conflicts: FieldConflict<Extract<keyof Row, string>>[] = [];
  for (const field of Object.keys(mine) as Extract<keyof Row, string>[]) {
    const known = field in base;
    const mineChanged = !known || !sameValue(mine[field], base[field]);
    const theirsChanged = !known || !sameValue(theirs[field], base[field]);
    if (!mineChanged || sameValue(mine[field], theirs[field])) continue;
    if (!theirsChanged) patch[field] = mine[field];
    else conflicts.push({ field, mine: mine[field], theirs: theirs[field] });
  }
  return { patch, conflicts };
}
