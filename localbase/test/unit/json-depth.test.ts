import { describe, expect, it } from 'vitest';
import { firstTooDeep, MAX_JSON_DEPTH } from '../../src/shared/json-depth.ts';

const objects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('json depth', () => {
  it('firstTooDeep: the outermost value is depth 1, as Go counts; the limit itself passes', () => {
    expect(firstTooDeep(objects(MAX_JSON_DEPTH))).toBeUndefined();
    expect(firstTooDeep(objects(MAX_JSON_DEPTH + 1))).toEqual({ bracket: '{', index: 5 * MAX_JSON_DEPTH });
    expect(firstTooDeep(`${'['.repeat(4)}${']'.repeat(4)}`, 3)).toEqual({ bracket: '[', index: 3 });
  });

  it('firstTooDeep: brackets inside strings, escaped quotes included, do not count', () => {
    const inString = JSON.stringify({ a: `\\"${'[{'.repeat(3000)}` });
    expect(firstTooDeep(inString)).toBeUndefined();
    expect(firstTooDeep('[["\\"[[[["],[1]]', 2)).toBeUndefined();
    expect(firstTooDeep('[["\\"[[[["],[[1]]]', 2)).toEqual({ bracket: '[', index: 13 });
  });

  it('firstTooDeep: siblings do not add up, and a million levels are scanned without recursion', () => {
    expect(firstTooDeep(`[${Array(5000).fill(objects(10)).join(',')}]`, 11)).toBeUndefined();
    expect(firstTooDeep(objects(1_000_000))?.index).toBe(5 * MAX_JSON_DEPTH);
  });
});
