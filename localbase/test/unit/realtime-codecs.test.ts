import { describe, expect, it } from 'vitest';
import { decodeBinary, decodeText, EncodedPush, encodeBinaryBroadcast, encodeText } from '../../src/realtime/frames.ts';
import { parseFilter, rowMatches } from '../../src/realtime/filters.ts';
import { parseJoinPayload, phash } from '../../src/realtime/join-config.ts';
import { castValue, parseArrayLiteral } from '../../src/realtime/payload.ts';

describe('realtime frames', () => {
  it('round-trips vsn 2.0.0 arrays and drops join_ref in vsn 1.0.0 output', () => {
    expect(decodeText('2.0.0', '["1","2","realtime:a","phx_join",{}]')).toEqual({ joinRef: '1', ref: '2', topic: 'realtime:a', event: 'phx_join', payload: {} });
    expect(decodeText('1.0.0', '{"topic":"phoenix","event":"heartbeat","payload":{},"ref":"3","join_ref":null}')).toMatchObject({ ref: '3', joinRef: null });
    const frame = { joinRef: '1', ref: '2', topic: 't', event: 'e', payload: { a: 1 } };
    expect(encodeText('2.0.0', frame)).toBe('["1","2","t","e",{"a":1}]');
    expect(JSON.parse(encodeText('1.0.0', frame))).toEqual({ topic: 't', event: 'e', payload: { a: 1 }, ref: '2' });
  });

  it('frames a once-encoded push exactly as encodeText frames the same push, and shares the bytes per topic', () => {
    const payload = { ids: [7, 9], data: { type: 'INSERT', record: { note: 'quote " and \\ and é' } } };
    const push = new EncodedPush('postgres_changes', JSON.stringify(payload));
    for (const vsn of ['1.0.0', '2.0.0'] as const) {
      const topic = 'realtime:band "1"';
      expect(push.frame(vsn, topic).toString('utf8')).toBe(encodeText(vsn, { joinRef: null, ref: null, topic, event: 'postgres_changes', payload }));
      expect(push.frame(vsn, topic)).toBe(push.frame(vsn, topic));
    }
  });

  it('decodes binary kind 3 pushes and encodes kind 4 broadcasts', () => {
    const parts = ['6', '7', 'realtime:room1', 'cursor', ''];
    const body = Buffer.from('{"x":1}');
    const push = Buffer.concat([Buffer.from([3, ...parts.map((p) => Buffer.byteLength(p)), 1]), ...parts.map((p) => Buffer.from(p)), body]);
    expect(decodeBinary(push)).toEqual({ joinRef: '6', ref: '7', topic: 'realtime:room1', event: 'broadcast', payload: { type: 'broadcast', event: 'cursor', payload: { x: 1 } } });
    const out = encodeBinaryBroadcast('realtime:r', { event: 'b', payload: Buffer.from([9, 8]) });
    expect([...out]).toEqual([4, 10, 1, 0, 0, ...Buffer.from('realtime:r'), ...Buffer.from('b'), 9, 8]);
    expect(() => decodeBinary(Buffer.from([0, 1, 2]))).toThrow();
  });
});

describe('realtime join config', () => {
  it('ignores unknown keys, accepts string booleans and gives identical bindings identical ids', () => {
    const config = parseJoinPayload({ config: { broadcast: { self: 'true' }, private: 'false', postgres_changes: [{ event: 'insert', table: 't', x: 1 }], zzz: 1 }, access_token: 'tok' });
    expect(config).toMatchObject({ broadcastSelf: true, isPrivate: false, accessToken: 'tok' });
    expect(config.postgresChanges[0]).toMatchObject({ event: 'INSERT', schema: 'public', table: 't' });
    expect(phash({ a: 1, b: 2 })).toBe(phash({ b: 2, a: 1 }));
    expect(phash({ a: 1 })).not.toBe(phash({ a: 2 }));
  });
});

describe('realtime filters', () => {
  const types = (column: string) => ({ n: 'int4', t: 'text', at: 'timestamptz' })[column];
  it('parses the seven operators and rejects malformed filters with the upstream message', () => {
    expect(parseFilter('id=in.(1,"a,b")')).toEqual({ column: 'id', op: 'in', value: ['1', 'a,b'] });
    expect(() => parseFilter('id=in.1,2')).toThrow('`in` filter value must be wrapped by parentheses');
    expect(() => parseFilter('foo=hey')).toThrow('Error parsing `filter` params: ["foo","hey"]');
  });

  it('compares by column type and fails closed on NULL or a missing column', () => {
    expect(rowMatches(parseFilter('n=gt.9'), { n: '10' }, types)).toBe(true); // numeric, not lexical
    expect(rowMatches(parseFilter('t=lt.b'), { t: 'a' }, types)).toBe(true);
    expect(rowMatches(parseFilter('at=gte.2026-01-01T00:00:00Z'), { at: '2026-01-01 01:00:00+00' }, types)).toBe(true);
    expect(rowMatches(parseFilter('n=neq.1'), { n: null }, types)).toBe(false);
    expect(rowMatches(parseFilter('n=eq.1'), {}, types)).toBe(false);
  });
});

describe('realtime payload values', () => {
  it('casts PostgreSQL text output as to_jsonb would', () => {
    expect(castValue('int8', '9007')).toBe(9007);
    expect(castValue('bool', 'f')).toBe(false);
    expect(castValue('jsonb', '{"a":[1]}')).toEqual({ a: [1] });
    expect(castValue('_int4', '{1,NULL,3}')).toEqual([1, null, 3]);
    expect(castValue('_text', '{"a b",c}')).toEqual(['a b', 'c']);
    expect(castValue('timestamptz', '2026-01-02 03:04:05.5+00')).toBe('2026-01-02T03:04:05.5+00:00');
    expect(castValue('float8', 'NaN')).toBe('NaN');
    expect(parseArrayLiteral('{{1,2},{3,4}}')).toEqual([['1', '2'], ['3', '4']]);
  });
});
