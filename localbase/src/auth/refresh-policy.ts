/** The presented refresh token's row, locked for update. */
export interface PresentedToken {
  token: string;
  revoked: boolean;
  /** Set when the token was rotated (revoked): the reuse interval counts from here. */
  updatedAt: Date;
}

/** The session's newest unrevoked token, if any. */
export interface ActiveToken {
  token: string;
  parent: string | null;
}

export type RefreshDecision =
  /** Issue a child of the presented token and revoke it. */
  | { kind: 'rotate' }
  /** The client lost the previous response: hand back the token already issued, mint nothing new. */
  | { kind: 'reissue-active'; token: string }
  /** Reuse outside the window: possible theft. Revoke the family (when rotation is on), then 400. */
  | { kind: 'reject-reused'; revokeFamily: boolean };

export interface RefreshPolicyInput {
  presented: PresentedToken;
  active: ActiveToken | undefined;
  nowMs: number;
  reuseIntervalSeconds: number;
  rotationEnabled: boolean;
}

/**
 * `RefreshTokenGrant` (`[gotrue] internal/tokens/service.go`). Parallel refreshes of one cookie (Next.js
 * middleware + a server component) are normal, so a revoked token is still honoured if it is the active token's
 * parent or was rotated less than `refresh_token_reuse_interval` seconds ago; only older reuse is treated as theft.
 *
 * Rotation always leaves one live token, so a session without one had its family revoked for reuse. GoTrue's v1
 * path stamps `updated_at` in `RevokeTokenFamily`, which reopens the interval for the tokens it just revoked; its
 * v2 tokens end the whole session instead. Either way the thief must not get back in, so such a family stays
 * revoked here (docs/limits.md, "Refresh-token reuse").
 */
export function decideRefresh(input: RefreshPolicyInput): RefreshDecision {
  const { presented, active } = input;
  if (!presented.revoked) return { kind: 'rotate' };
  if (!active) return { kind: 'reject-reused', revokeFamily: false };
  if (active.parent === presented.token) return { kind: 'reissue-active', token: active.token };
  const reuseUntil = presented.updatedAt.getTime() + input.reuseIntervalSeconds * 1000;
  if (input.nowMs > reuseUntil) return { kind: 'reject-reused', revokeFamily: input.rotationEnabled };
  return { kind: 'rotate' };
}

/** Timebox / inactivity limits are off in the CLI; a `not_after` set on the session row is still honoured. */
export function sessionExpired(notAfter: Date | null, nowMs: number): boolean {
  return notAfter !== null && nowMs > notAfter.getTime();
}
