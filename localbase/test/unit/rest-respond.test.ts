import { describe, expect, it } from 'vitest';
import { RestError } from '../../src/rest/errors.ts';
import { checkResult, mutationResponse, readResponse, rpcResponse } from '../../src/rest/respond.ts';

const row = (page: number, total: number | null = null, body = '[]', inserted?: number) => ({
  page_total: String(page), total: total === null ? null : String(total), body, ...(inserted !== undefined ? { inserted: String(inserted) } : {}),
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof RestError ? `${error.status} ${error.code}` : String(error);
  }
  return undefined;
};

describe('readResponse', () => {
  it('readResponse: Content-Range and 200/206/416 as RangeQuery.rangeStatus', () => {
    expect(readResponse(row(2), 0, false, {}).headers).toMatchObject({ 'content-range': '0-1/*' });
    expect(readResponse(row(2, 5), 1, false, { count: 'exact' })).toMatchObject({ status: 206, headers: { 'content-range': '1-2/5', 'preference-applied': 'count=exact' } });
    expect(readResponse(row(5, 5), 0, false, {}).status).toBe(200);
    expect(readResponse(row(0, 0), 0, false, {}).headers).toMatchObject({ 'content-range': '*/0' });
    expect(readResponse(row(0), 0, false, {}).headers).toMatchObject({ 'content-range': '*/*' });
    expect(code(() => readResponse(row(0, 3), 10, false, {}))).toBe('416 PGRST103');
  });

  it('readResponse: the singular media type', () => {
    expect(readResponse(row(1, null, '{"a":1}'), 0, true, {}).headers!['content-type']).toBe('application/vnd.pgrst.object+json; charset=utf-8');
  });
});

describe('checkResult', () => {
  it('checkResult: PGRST116 unless exactly one row; PGRST124 over max-affected with handling=strict only', () => {
    expect(code(() => checkResult(row(0), true, {}, false))).toBe('406 PGRST116');
    expect(code(() => checkResult(row(2), true, {}, false))).toBe('406 PGRST116');
    expect(code(() => checkResult(row(1), true, {}, false))).toBeUndefined();
    expect(code(() => checkResult(row(3), false, { handling: 'strict', maxAffected: 2 }, true))).toBe('400 PGRST124');
    expect(code(() => checkResult(row(3), false, { maxAffected: 2 }, true))).toBeUndefined();
    expect(code(() => checkResult(row(3), false, { handling: 'strict', maxAffected: 2 }, false))).toBeUndefined();
  });
});

describe('mutationResponse', () => {
  it('mutationResponse: POST 201 without body unless representation; merge with nothing inserted is 200', () => {
    expect(mutationResponse({ method: 'POST', row: row(1), prefs: {}, singular: false })).toEqual({ status: 201, headers: { 'content-range': '*/*' } });
    const full = mutationResponse({ method: 'POST', row: row(1, null, '[{"id":1}]'), prefs: { return: 'representation', count: 'exact' }, singular: false });
    expect(full).toMatchObject({ status: 201, body: '[{"id":1}]', headers: { 'content-range': '*/1', 'preference-applied': 'return=representation, count=exact' } });
    const merged = mutationResponse({ method: 'POST', row: row(1, null, '[]', 0), prefs: { resolution: 'merge-duplicates' }, singular: false });
    expect(merged.status).toBe(200);
    expect(merged.headers!['preference-applied']).toBe('resolution=merge-duplicates');
  });

  it('mutationResponse: PATCH/DELETE 204 or 200 with representation; Content-Range differs', () => {
    expect(mutationResponse({ method: 'PATCH', row: row(2), prefs: { count: 'exact' }, singular: false })).toMatchObject({ status: 204, headers: { 'content-range': '0-1/2' } });
    expect(mutationResponse({ method: 'DELETE', row: row(2), prefs: { count: 'exact' }, singular: false })).toMatchObject({ status: 204, headers: { 'content-range': '*/2' } });
    expect(mutationResponse({ method: 'DELETE', row: row(1, null, '[{}]'), prefs: { return: 'representation' }, singular: false }).status).toBe(200);
  });
});

describe('rpcResponse', () => {
  it('rpcResponse: void is 204, a scalar the bare value', () => {
    expect(rpcResponse(row(0, null, ''), true, false, 0, false, {}).status).toBe(204);
    expect(rpcResponse(row(1, null, '42'), false, false, 0, false, {})).toMatchObject({ status: 200, body: '42' });
  });
});
