import { describe, expect, it } from 'vitest';
import { decideRefresh, sessionExpired, type RefreshPolicyInput } from '../../src/auth/refresh-policy.ts';

const ROTATED_AT = Date.parse('2026-01-01T12:00:00Z');

function input(overrides: Partial<RefreshPolicyInput> & { secondsAfterRotation?: number }): RefreshPolicyInput {
  const { secondsAfterRotation = 0, ...rest } = overrides;
  return {
    presented: { token: 'parenttoken1', revoked: true, updatedAt: new Date(ROTATED_AT) },
    active: { token: 'activetoken1', parent: 'othertoken12' },
    nowMs: ROTATED_AT + secondsAfterRotation * 1000,
    reuseIntervalSeconds: 10,
    rotationEnabled: true,
    ...rest,
  };
}

describe('refresh policy', () => {
  it('decideRefresh: an unrevoked token is rotated', () => {
    expect(decideRefresh(input({ presented: { token: 't', revoked: false, updatedAt: new Date(0) }, secondsAfterRotation: 9999 }))).toEqual({ kind: 'rotate' });
  });

  it('decideRefresh: the parent of the active token gets the active token back, whatever its age', () => {
    const decision = decideRefresh(input({ active: { token: 'activetoken1', parent: 'parenttoken1' }, secondsAfterRotation: 3600 }));
    expect(decision).toEqual({ kind: 'reissue-active', token: 'activetoken1' });
  });

  it('decideRefresh: an older revoked token inside the reuse interval is rotated again', () => {
    expect(decideRefresh(input({ secondsAfterRotation: 10 }))).toEqual({ kind: 'rotate' });
  });

  it('decideRefresh: a revoked token past the interval is rejected and its family revoked', () => {
    expect(decideRefresh(input({ secondsAfterRotation: 10.001 }))).toEqual({ kind: 'reject-reused', revokeFamily: true });
  });

  it('decideRefresh: with rotation disabled, late reuse is rejected but the family survives', () => {
    expect(decideRefresh(input({ secondsAfterRotation: 60, rotationEnabled: false }))).toEqual({ kind: 'reject-reused', revokeFamily: false });
  });

  it('decideRefresh: a session without a live token (its family revoked) refuses every token, even inside the interval', () => {
    expect(decideRefresh(input({ active: undefined, secondsAfterRotation: 0 }))).toEqual({ kind: 'reject-reused', revokeFamily: false });
    expect(decideRefresh(input({ active: undefined, secondsAfterRotation: 11 }))).toEqual({ kind: 'reject-reused', revokeFamily: false });
  });

  it('decideRefresh: the interval follows the configured seconds', () => {
    expect(decideRefresh(input({ reuseIntervalSeconds: 0, secondsAfterRotation: 1 }))).toMatchObject({ kind: 'reject-reused' });
    expect(decideRefresh(input({ reuseIntervalSeconds: 120, secondsAfterRotation: 100 }))).toEqual({ kind: 'rotate' });
  });

  it('sessionExpired: only a passed not_after expires a session', () => {
    expect(sessionExpired(null, ROTATED_AT)).toBe(false);
    expect(sessionExpired(new Date(ROTATED_AT), ROTATED_AT)).toBe(false);
    expect(sessionExpired(new Date(ROTATED_AT), ROTATED_AT + 1)).toBe(true);
  });
});
