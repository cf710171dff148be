import { describe, expect, it } from 'vitest';
import { SerialBatches } from '../../src/realtime/batches.ts';

describe('realtime SerialBatches', () => {
  it('batches items that arrive while one batch is in flight, per key, in arrival order, at most maxBatch each', async () => {
    const calls: string[][] = [];
    let release: () => void = () => undefined;
    const batches = new SerialBatches<string, string, string>(async (key, items) => {
      calls.push([key, ...items]);
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((item) => item.toUpperCase());
    }, 2);
    const first = batches.add('t', 'a');
    await new Promise((resolve) => setImmediate(resolve));
    const rest = ['b', 'c', 'd'].map((item) => batches.add('t', item));
    const other = batches.add('u', 'x');
    release();
    expect(await Promise.all([first, ...rest, other])).toEqual(['A', 'B', 'C', 'D', 'X']);
    expect(calls.filter(([key]) => key === 't')).toEqual([['t', 'a'], ['t', 'b', 'c'], ['t', 'd']]);
    expect(calls.filter(([key]) => key === 'u')).toEqual([['u', 'x']]);
  });

  it('with concurrency 2, starts a second batch of a key while the first is in flight, never a third', async () => {
    const calls: string[][] = [];
    const releases: (() => void)[] = [];
    const batches = new SerialBatches<string, string, string>(
      async (_, items) => {
        calls.push(items);
        await new Promise<void>((resolve) => releases.push(resolve));
        return items.map((item) => item.toUpperCase());
      },
      10,
      2,
    );
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    const first = [batches.add('t', 'a'), batches.add('t', 'b')];
    await tick();
    const second = batches.add('t', 'c');
    await tick();
    const waiting = [batches.add('t', 'd'), batches.add('t', 'e')];
    await tick();
    expect(calls).toEqual([['a', 'b'], ['c']]);
    releases[1]!();
    expect(await second).toBe('C');
    await tick();
    expect(calls).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
    releases[0]!();
    releases[2]!();
    expect(await Promise.all([...first, ...waiting])).toEqual(['A', 'B', 'D', 'E']);
  });

  it('rejects every item of a failed batch and keeps serving the key', async () => {
    let fail = true;
    const batches = new SerialBatches<number, number, number>(async (_, items) => {
      if (fail) throw new Error('down');
      return items;
    }, 10);
    await expect(batches.add(1, 1)).rejects.toThrow('down');
    fail = false;
    expect(await batches.add(1, 2)).toBe(2);
  });
});
