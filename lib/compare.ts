/** Byte-wise string order (UTF-16 code units; bytes for ASCII), as PostgreSQL's COLLATE "C" sorts. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
