import { arrayMove } from '@dnd-kit/sortable';
import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { compareItems, isOrderKey, keyAfterCollision, keyAtEnd, keyForMove } from './keys';

type Row = { id: string; position: string };

const rows = (ids: string[]): Row[] => {
  const keys = generateNKeysBetween(null, null, ids.length);
  return ids.map((id, i) => ({ id, position: keys[i]! }));
};
const sorted = (items: ReadonlyArray<Row>): Row[] => [...items].sort(compareItems);
const ids = (items: ReadonlyArray<Row>): string[] => sorted(items).map((item) => item.id);

/** Moves `id` the way the editor does: one new key for the moved row, then every device re-sorts. */
function move(items: ReadonlyArray<Row>, id: string, toIndex: number): Row[] {
  const position = keyForMove(sorted(items), id, toIndex);
  return items.map((item) => (item.id === id ? { ...item, position } : item));
}

/** Seeded PRNG (mulberry32), so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The server's insert: a key already in use by another row is moved just after itself (keyAfterCollision). */
function land(table: ReadonlyArray<Row>, write: Row): Row[] {
  const inUse = table.map((row) => row.position);
  const position = inUse.includes(write.position) ? keyAfterCollision(inUse, write.position) : write.position;
  return [...table, { ...write, position }];
}

describe('setlist order', () => {
  it('compareItems: compares keys byte-wise, uppercase before lowercase (unlike localeCompare)', () => {
    const keys = ['a1', 'a0V', 'Zz', 'a0'];
    expect(sorted(keys.map((position) => ({ id: position, position }))).map((row) => row.position)).toEqual(['Zz', 'a0', 'a0V', 'a1']);
    expect(compareItems({ id: 'x', position: 'Zz' }, { id: 'x', position: 'a0' })).toBeLessThan(0);
    expect(compareItems({ id: 'x', position: 'a1' }, { id: 'x', position: 'a0V' })).toBeGreaterThan(0);
    // The locale order would put 'a0' first; byte order (PostgreSQL COLLATE "C") puts 'Z' (0x5A) before 'a' (0x61).
    expect('Zz'.localeCompare('a0')).toBeGreaterThan(0);
  });

  it('compareItems: breaks a tie on position by id, byte-wise', () => {
    const a = { id: 'B-id', position: 'a0V' };
    const b = { id: 'a-id', position: 'a0V' };
    expect(compareItems(a, b)).toBeLessThan(0);
    expect(compareItems(b, a)).toBeGreaterThan(0);
    expect(compareItems(a, { ...a })).toBe(0);
  });

  it('isOrderKey: accepts keys the library generates', () => {
    for (const key of ['a0', 'a1', 'Zz', 'a0V', 'b10', ...generateNKeysBetween('a0', 'a1', 20)]) expect(isOrderKey(key), key).toBe(true);
    expect(isOrderKey('a0' + 'V'.repeat(62))).toBe(true); // 64 characters: the longest allowed
  });

  it('isOrderKey: refuses malformed and overlong keys', () => {
    for (const key of ['', 'a', 'a00', 'not a key!', 'zz!', 'a0 ', '0a', 'a0' + 'V'.repeat(63)]) expect(isOrderKey(key), key).toBe(false);
  });

  it('keyAtEnd: starts an empty list and appends after the last item', () => {
    expect(keyAtEnd([])).toBe('a0');
    const list = rows(['a', 'b', 'c']);
    const key = keyAtEnd(list);
    expect(isOrderKey(key)).toBe(true);
    expect(ids([...list, { id: '0-first-by-id', position: key }])).toEqual(['a', 'b', 'c', '0-first-by-id']);
  });

  it('keyForMove: to the top, the bottom and the middle, down and up (arrayMove semantics)', () => {
    const list = rows(['a', 'b', 'c', 'd', 'e']);
    const start = ids(list);
    const cases: Array<[string, number]> = [['c', 0], ['a', 4], ['e', 2], ['a', 2], ['b', 3], ['d', 1], ['e', 0], ['b', 1]];
    for (const [id, to] of cases) {
      const from = start.indexOf(id);
      expect(ids(move(list, id, to)), `${id} → ${to}`).toEqual(arrayMove(start, from, to));
    }
    expect(ids(move(list, 'c', 0))).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(ids(move(list, 'a', 2))).toEqual(['b', 'c', 'a', 'd', 'e']);
  });

  it('keyForMove: an index past either end is clamped; a new id (not in the list) inserts', () => {
    const list = rows(['a', 'b', 'c']);
    expect(ids(move(list, 'a', 99))).toEqual(['b', 'c', 'a']);
    expect(ids(move(list, 'c', -5))).toEqual(['c', 'a', 'b']);
    const inserted = keyForMove(list, 'new', 1);
    expect(ids([...list, { id: 'new', position: inserted }])).toEqual(['a', 'new', 'b', 'c']);
  });

  it('keyForMove: neighbours that briefly share a key (a collision not yet resolved) still give a key between', () => {
    const list: Row[] = [
      { id: 'a', position: 'a0' },
      { id: 'b', position: 'a1' },
      { id: 'c', position: 'a1' },
      { id: 'd', position: 'a2' },
      { id: 'm', position: 'a3' },
    ];
    // Dropping m right after b: its lower neighbour is b (a1), the next distinct key above is d (a2).
    const key = keyForMove(sorted(list), 'm', 2);
    expect(isOrderKey(key)).toBe(true);
    expect(key > 'a1' && key < 'a2').toBe(true);
  });

  it('keyForMove: 500 seeded random moves on 12 items always sort like arrayMove', () => {
    const next = random(20261126);
    let list = rows(Array.from({ length: 12 }, (_, i) => `item-${String(i).padStart(2, '0')}`));
    for (let step = 0; step < 500; step++) {
      const before = ids(list);
      const from = Math.floor(next() * 12);
      const to = Math.floor(next() * 12);
      list = move(list, before[from]!, to);
      expect(ids(list), `step ${step}: ${from} → ${to}`).toEqual(arrayMove(before, from, to));
      const positions = list.map((row) => row.position);
      expect(new Set(positions).size, `step ${step}: unique keys`).toBe(12);
      for (const key of positions) expect(isOrderKey(key), `step ${step}: ${key}`).toBe(true);
    }
  });

  describe('concurrent inserts in the same gap', () => {
    const base = rows(['A', 'B', 'C']); // a0, a1, a2
    const [A, B] = base;

    it('keyAfterCollision: two devices pick the same key; the second lands just after it, before the next key', () => {
      const wanted = keyForMove(base, 'X', 1);
      expect(keyForMove(base, 'Y', 1)).toBe(wanted); // both devices compute the same key for the gap
      const resolved = keyAfterCollision([...base.map((row) => row.position), wanted], wanted);
      expect(isOrderKey(resolved)).toBe(true);
      expect(resolved > wanted).toBe(true);
      expect(resolved < B!.position).toBe(true);
    });

    it('keyAfterCollision: both landing orders keep both items between the neighbours, with the same keys', () => {
      const x = { id: 'X', position: keyForMove(base, 'X', 1) };
      const y = { id: 'Y', position: keyForMove(base, 'Y', 1) };
      const xFirst = land(land(base, x), y);
      const yFirst = land(land(base, y), x);
      // The first write keeps its key, the second goes just after it: the newcomers keep their arrival order.
      expect(ids(xFirst)).toEqual(['A', 'X', 'Y', 'B', 'C']);
      expect(ids(yFirst)).toEqual(['A', 'Y', 'X', 'B', 'C']);
      expect(sorted(xFirst).map((row) => row.position)).toEqual(sorted(yFirst).map((row) => row.position));
      for (const table of [xFirst, yFirst]) expect(new Set(table.map((row) => row.position)).size).toBe(5);
    });

    it('compareItems: every device sorts the same rows alike, whatever order they arrived in, even with a transient duplicate', () => {
      const wanted = keyForMove(base, 'X', 1);
      const transient = [...base, { id: 'Y', position: wanted }, { id: 'X', position: wanted }];
      const next = random(7);
      for (let i = 0; i < 20; i++) {
        const shuffled = [...transient].sort(() => next() - 0.5);
        expect(ids(shuffled)).toEqual(['A', 'X', 'Y', 'B', 'C']);
      }
    });

    it('keyAfterCollision: three devices at once get unique, valid keys between the neighbours', () => {
      const writes = ['X', 'Y', 'Z'].map((id) => ({ id, position: keyForMove(base, id, 1) }));
      expect(new Set(writes.map((write) => write.position)).size).toBe(1);
      const table = writes.reduce(land, base);
      const order = ids(table);
      expect(order[0]).toBe('A');
      expect(order.slice(1, 4).sort()).toEqual(['X', 'Y', 'Z']);
      expect(order.slice(4)).toEqual(['B', 'C']);
      const keys = table.map((row) => row.position);
      expect(new Set(keys).size).toBe(6);
      for (const key of keys) expect(isOrderKey(key), key).toBe(true);
    });

    it('keyAfterCollision: 50 collisions at the same spot stay unique, valid and between the neighbours', () => {
      let table = base;
      const wanted = keyForMove(base, 'new', 1);
      for (let i = 0; i < 50; i++) {
        const before = table.map((row) => row.position);
        table = land(table, { id: `n${String(i).padStart(2, '0')}`, position: wanted });
        const key = table.at(-1)!.position;
        if (i > 0) {
          const next = before.filter((position) => position > wanted).sort()[0]!;
          expect(key > wanted && key < next, `collision ${i}: ${key}`).toBe(true);
        }
        expect(isOrderKey(key), `collision ${i}: ${key}`).toBe(true);
      }
      const keys = sorted(table).map((row) => row.position);
      expect(new Set(keys).size).toBe(53);
      const order = ids(table);
      expect([order[0], ...order.slice(-2)]).toEqual(['A', 'B', 'C']);
      for (const key of keys.slice(1, -2)) expect(key > A!.position && key < B!.position, key).toBe(true);
    });

    it('keyAfterCollision: a collision at the end of the list lands after the last key', () => {
      const last = base.at(-1)!.position;
      const key = keyAfterCollision(base.map((row) => row.position), last);
      expect(isOrderKey(key)).toBe(true);
      expect(key > last).toBe(true);
    });
  });
});
