import { describe, expect, it } from 'vitest';
import { restErrorCode } from '../helpers/rest-error-code.ts';
import { parseLogic, parseOperation, parseOrder } from '../../src/rest/parse-filter.ts';
import { parseSelect } from '../../src/rest/parse-select.ts';
import type { RestError } from '../../src/rest/errors.ts';
import { applyRange, checkStrictPreferences, parsePrefer, parseQuery, parseRangeHeader } from '../../src/rest/parse.ts';

const code = restErrorCode;

describe('parseSelect', () => {
  it('parseSelect: embeds nest at most 64 levels; deeper is PGRST100, not a stack overflow', () => {
    const nested = (depth: number) => `${'a:b('.repeat(depth)}id${')'.repeat(depth)}`;
    expect(parseSelect(nested(64))[0]).toMatchObject({ kind: 'embed', alias: 'a', name: 'b' });
    expect(code(() => parseSelect(nested(65)))).toBe('PGRST100');
    expect(code(() => parseSelect(nested(20_000)))).toBe('PGRST100');
  });

  it('parseSelect: columns, aliases, casts and JSON paths', () => {
    expect(parseSelect('id,label:name,n::text,meta->a->>b,"odd col",arr->0')).toEqual([
      { kind: 'column', field: { name: 'id', json: [] } },
      { kind: 'column', field: { name: 'name', json: [] }, alias: 'label' },
      { kind: 'column', field: { name: 'n', json: [] }, cast: 'text' },
      { kind: 'column', field: { name: 'meta', json: [{ arrow: '->', key: 'a' }, { arrow: '->>', key: 'b' }] } },
      { kind: 'column', field: { name: 'odd col', json: [] } },
      { kind: 'column', field: { name: 'arr', json: [{ arrow: '->', key: '0' }] } },
    ]);
  });

  it('parseSelect: embeds with alias, hint, join type, nesting and spread', () => {
    expect(parseSelect('*,b:bands!fk_band!inner(name,songs(*)),...other(x)')).toEqual([
      { kind: 'star' },
      {
        kind: 'embed', name: 'bands', alias: 'b', hint: 'fk_band', joinType: 'inner', spread: false,
        select: [{ kind: 'column', field: { name: 'name', json: [] } }, { kind: 'embed', name: 'songs', spread: false, select: [{ kind: 'star' }] }],
      },
      { kind: 'embed', name: 'other', spread: true, select: [{ kind: 'column', field: { name: 'x', json: [] } }] },
    ]);
  });

  it('parseSelect: a dash is part of a name unless it starts an arrow', () => {
    expect(parseSelect('my-col,j->k')[0]).toEqual({ kind: 'column', field: { name: 'my-col', json: [] } });
  });

  it('parseSelect: SQL in a name, an unclosed paren or a bad cast is PGRST100', () => {
    for (const bad of ['id;drop table x', 'a,(', 'songs(id', 'id::text;x', 'id::', '"open', 'a:b:c']) expect(code(() => parseSelect(bad)), bad).toBe('PGRST100');
  });

  it('parseSelect: aggregates are refused as with db-aggregates-enabled=false (PGRST123)', () => {
    expect(code(() => parseSelect('id.count()'))).toBe('PGRST123');
  });
});

describe('parseOperation', () => {
  it('parseOperation: simple, negated, quantified, in, is, fts with config, ranges', () => {
    expect(parseOperation('eq.a.b')).toEqual({ negate: false, operation: { op: 'eq', value: 'a.b' } });
    expect(parseOperation('not.like.*x*')).toEqual({ negate: true, operation: { op: 'like', value: '*x*' } });
    expect(parseOperation('like(any).{a*,"b,c"}')).toEqual({ negate: false, operation: { op: 'like', quantifier: 'any', values: ['a*', 'b,c'] } });
    expect(parseOperation('in.(1,"a,b","q\\"x",)').operation).toEqual({ op: 'in', values: ['1', 'a,b', 'q"x', ''] });
    expect(parseOperation('is.NULL').operation).toEqual({ op: 'is', value: 'null' });
    expect(parseOperation('fts(english).cat & dog').operation).toEqual({ op: 'fts', config: 'english', value: 'cat & dog' });
    expect(parseOperation('ov.(1,2)').operation).toEqual({ op: 'ov', value: '{1,2}' });
    expect(parseOperation('cs.{a,b}').operation).toEqual({ op: 'cs', value: '{a,b}' });
  });

  it('parseOperation: unknown operators, missing dots and bad is values are PGRST100', () => {
    for (const bad of ['eqq.1', 'eq', 'is.maybe', 'in.1,2', 'eq(some).{1}', 'isdistinct', '']) expect(code(() => parseOperation(bad)), bad).toBe('PGRST100');
  });
});

describe('parseLogic', () => {
  it('parseLogic: nested and/or/not with quoted values and in-lists', () => {
    expect(parseLogic('or', false, '(a.eq.1,and(b.gt.2,not.or(c.is.null,d.in.(1,2))),e.eq."x,y")')).toEqual({
      kind: 'logic', op: 'or', negate: false,
      children: [
        { kind: 'condition', field: { name: 'a', json: [] }, negate: false, operation: { op: 'eq', value: '1' } },
        {
          kind: 'logic', op: 'and', negate: false,
          children: [
            { kind: 'condition', field: { name: 'b', json: [] }, negate: false, operation: { op: 'gt', value: '2' } },
            {
              kind: 'logic', op: 'or', negate: true,
              children: [
                { kind: 'condition', field: { name: 'c', json: [] }, negate: false, operation: { op: 'is', value: 'null' } },
                { kind: 'condition', field: { name: 'd', json: [] }, negate: false, operation: { op: 'in', values: ['1', '2'] } },
              ],
            },
          ],
        },
        { kind: 'condition', field: { name: 'e', json: [] }, negate: false, operation: { op: 'eq', value: 'x,y' } },
      ],
    });
  });

  it('parseLogic: unbalanced or missing parentheses are PGRST100', () => {
    for (const bad of ['(a.eq.1', 'a.eq.1', '()', '(a.eq.1))', '(a.eq.1);drop']) expect(code(() => parseLogic('or', false, bad)), bad).toBe('PGRST100');
  });

  it('parseLogic: nesting is capped at 64 levels with PGRST100, not a stack overflow', () => {
    const nested = (depth: number) => `(${'and('.repeat(depth - 1)}a.eq.1${')'.repeat(depth - 1)})`;
    expect(parseLogic('or', false, nested(64)).kind).toBe('logic');
    expect(code(() => parseLogic('or', false, nested(65)))).toBe('PGRST100');
    expect(code(() => parseLogic('or', false, nested(20_000)))).toBe('PGRST100');
  });
});

describe('parseOrder', () => {
  it('parseOrder: direction, nulls and JSON paths', () => {
    expect(parseOrder('a.desc.nullslast,b,c->>d.asc.nullsfirst')).toEqual([
      { field: { name: 'a', json: [] }, direction: 'desc', nulls: 'last' },
      { field: { name: 'b', json: [] } },
      { field: { name: 'c', json: [{ arrow: '->>', key: 'd' }] }, direction: 'asc', nulls: 'first' },
    ]);
    expect(code(() => parseOrder('a.sideways'))).toBe('PGRST100');
  });
});

describe('parseQuery', () => {
  const query = (qs: string, args?: Set<string>) => parseQuery(new URLSearchParams(qs).entries(), args);

  it('parseQuery: filters, logic and transforms go to their embed level', () => {
    const q = query('select=id,songs(id)&id=gt.1&songs.title=eq.x&songs.order=id.desc&songs.limit=2&not.or=(a.eq.1,b.eq.2)&songs.not.and=(c.eq.1)&limit=5&offset=10');
    expect(q.levels.get('')).toMatchObject({ limit: 5, offset: 10, filters: [{ kind: 'condition' }, { kind: 'logic', op: 'or', negate: true }] });
    expect(q.levels.get('songs')).toMatchObject({ limit: 2, order: [{ direction: 'desc' }], filters: [{ field: { name: 'title' } }, { kind: 'logic', op: 'and', negate: true }] });
  });

  it('parseQuery: columns and on_conflict lists; GET rpc arguments are not filters', () => {
    const q = query('columns="a","b c"&on_conflict=a,b&x=1&y=eq.2', new Set(['x']));
    expect(q.columns).toEqual(['a', 'b c']);
    expect(q.onConflict).toEqual(['a', 'b']);
    expect(q.args).toEqual({ x: '1' });
    expect(q.levels.get('')!.filters).toHaveLength(1);
  });

  it('parseQuery: a negative or non-numeric limit is PGRST100', () => {
    expect(code(() => query('limit=-1'))).toBe('PGRST100');
    expect(code(() => query('offset=x'))).toBe('PGRST100');
  });
});

describe('headers', () => {
  it('parsePrefer: known preferences, joined with ", ", the first value wins, the rest collected as invalid', () => {
    expect(parsePrefer('return=representation, count=exact,resolution=merge-duplicates, missing=default, tx=rollback, return=bogus, count=planned, anything')).toEqual({
      return: 'representation', count: 'exact', resolution: 'merge-duplicates', missing: 'default', tx: 'rollback', invalid: ['return=bogus', 'anything'],
    });
    expect(parsePrefer('handling=strict, max-affected=5, params=single-object').invalid).toEqual([]);
  });

  it('checkStrictPreferences: PGRST122 only under handling=strict, naming every invalid preference', () => {
    expect(() => checkStrictPreferences(parsePrefer('handling=lenient, foo, bar'))).not.toThrow();
    expect(() => checkStrictPreferences(parsePrefer('handling=strict, tx=rollback'))).not.toThrow();
    const error = (() => {
      try {
        checkStrictPreferences(parsePrefer('handling=strict, foo, bar'));
      } catch (e) {
        return e as RestError;
      }
    })();
    expect(error?.toResponse()).toMatchObject({ status: 400 });
    expect(JSON.parse(String(error?.toResponse().body))).toEqual({ code: 'PGRST122', message: 'Invalid preferences given with handling=strict', details: 'Invalid preferences: foo, bar', hint: null });
  });

  it('parseOrder: a related order term rel(col) keeps its relation, direction and nulls', () => {
    const query = (qs: string) => parseQuery(new URLSearchParams(qs).entries());
    expect(query('order=band(name).desc.nullslast,id').levels.get('')!.order).toEqual([
      { relation: 'band', field: { name: 'name', json: [] }, direction: 'desc', nulls: 'last' },
      { field: { name: 'id', json: [] } },
    ]);
    expect(code(() => query('order=band(name'))).toBe('PGRST100');
  });

  it('parseRangeHeader/applyRange: the header range narrowed by limit/offset', () => {
    expect(parseRangeHeader('0-9')).toEqual({ offset: 0, limit: 10 });
    expect(parseRangeHeader('5-')).toEqual({ offset: 5 });
    expect(parseRangeHeader('nonsense')).toBeUndefined();
    expect(code(() => parseRangeHeader('9-2'))).toBe('PGRST103');
    const level = { filters: [], order: [], limit: 3, offset: 2 };
    applyRange(level, { offset: 0, limit: 4 });
    expect(level).toMatchObject({ offset: 2, limit: 2 });
  });
});
