import { describe, expect, it } from 'vitest';
import { qualified, quoteIdent } from '../../src/doctor/check.ts';

// A sample of pg_get_keywords() outside the unreserved category; the doctor reads the full list from the server.
const KEYWORDS = new Set(['order', 'user', 'select', 'table', 'left', 'between']);

describe('doctor fix SQL', () => {
  it('quoteIdent: plain lower-case names stay bare, keywords and anything else are quoted as quote_ident() does', () => {
    expect(quoteIdent('songs', KEYWORDS)).toBe('songs');
    expect(quoteIdent('_setlist_items2', KEYWORDS)).toBe('_setlist_items2');
    for (const reserved of ['order', 'user', 'select', 'left', 'between']) expect(quoteIdent(reserved, KEYWORDS)).toBe(`"${reserved}"`);
    expect(quoteIdent('Songs', KEYWORDS)).toBe('"Songs"');
    expect(quoteIdent('2fa', KEYWORDS)).toBe('"2fa"');
    expect(quoteIdent('cost$', KEYWORDS)).toBe('"cost$"');
    expect(quoteIdent('odd "name"', KEYWORDS)).toBe('"odd ""name"""');
  });

  it('qualified: each part on its own', () => {
    expect(qualified('public', 'order', KEYWORDS)).toBe('public."order"');
    expect(qualified('Band Data', 'songs', KEYWORDS)).toBe('"Band Data".songs');
  });
});
