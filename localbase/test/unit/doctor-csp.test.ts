import { describe, expect, it } from 'vitest';
import { allows } from '../../src/doctor/csp.ts';

const PAGE = 'http://localhost:3000/';
const HTTP = 'http://127.0.0.1:54321';
const WS = 'ws://127.0.0.1:54321';

describe('doctor csp: allows', () => {
  it("Rock-On's own policy allows the API's http and ws forms", () => {
    const policy = `default-src 'self'; connect-src 'self' ${HTTP} ${WS}; object-src 'none'`;
    expect(allows(policy, PAGE, HTTP)).toBe(true);
    expect(allows(policy, PAGE, WS)).toBe(true);
  });

  it('an http source alone does not allow the WebSocket (the classic trap)', () => {
    const policy = `connect-src 'self' ${HTTP}`;
    expect(allows(policy, PAGE, HTTP)).toBe(true);
    expect(allows(policy, PAGE, WS)).toBe(false);
  });

  it('falls back to default-src, and allows everything when neither is set', () => {
    expect(allows("default-src 'self'", PAGE, WS)).toBe(false);
    expect(allows("script-src 'self'", PAGE, WS)).toBe(true);
  });

  it('scheme sources, ports and hosts must match', () => {
    expect(allows('connect-src ws:', PAGE, WS)).toBe(true);
    expect(allows('connect-src ws://127.0.0.1', PAGE, WS)).toBe(false);
    expect(allows('connect-src ws://127.0.0.1:*', PAGE, WS)).toBe(true);
    expect(allows('connect-src ws://localhost:54321', PAGE, WS)).toBe(false);
    expect(allows("connect-src 'none'", PAGE, HTTP)).toBe(false);
    expect(allows('connect-src *', PAGE, HTTP)).toBe(true);
  });

  it("'self' covers the page's own origin in both forms, not another port", () => {
    expect(allows("connect-src 'self'", 'http://127.0.0.1:54321/', WS)).toBe(true);
    expect(allows("connect-src 'self'", PAGE, HTTP)).toBe(false);
  });
});
