import type { RateLimitSettings } from '../config.ts';
import type { ApiRequest } from '../shared/http.ts';
import { AuthError } from './errors.ts';

/** GoTrue builds every per-IP limiter with `SetBurst(30)` (`[gotrue] internal/api/apilimiter`). */
const BURST = 30;
const FIVE_MINUTES = 300;

/**
 * A token bucket per key, as tollbooth's (golang.org/x/time/rate): a full bucket of `burst`, refilled at `perSecond`.
 * So `sign_in_sign_ups = 30` admits 30 requests at once, then one every 10 s.
 */
class KeyedBucket {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  allow(key: string, nowMs: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.perSecond);
    bucket.at = nowMs;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/** `ratelimit.IntervalLimiter`: N events per fixed window, for the whole instance (mail is not per IP). */
class IntervalLimiter {
  private windowStart: number;
  private count = 0;

  constructor(
    private readonly events: number,
    private readonly windowMs: number,
    nowMs: number,
  ) {
    this.windowStart = nowMs;
  }

  allow(nowMs: number): boolean {
    const windows = Math.floor((nowMs - this.windowStart) / this.windowMs);
    if (windows > 0) {
      this.windowStart += windows * this.windowMs;
      this.count = 0;
    }
    if (this.count >= this.events) return false;
    this.count += 1;
    return true;
  }
}

/** The endpoints GoTrue wraps in a request limiter, each with its own bucket (`[gotrue] internal/api/api.go`). */
export type LimitedRoute = 'signup' | 'recover' | 'resend' | 'otp' | 'magiclink' | 'user' | 'verify' | 'token';

const overRequestRate = () => new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');

/**
 * `[auth.rate_limit]`. sign_in_sign_ups (GOTRUE_RATE_LIMIT_OTP) feeds /signup, /recover, /resend, /otp, /magiclink and
 * PUT /user; token_verifications feeds /verify; token_refresh every /token grant; email_sent every mail sent.
 * Hosted Supabase keys the request limits by the client's IP; here that is the TCP peer.
 */
export class AuthRateLimits {
  private readonly routes: Record<LimitedRoute, KeyedBucket>;
  private readonly email: IntervalLimiter;

  constructor(
    private readonly settings: RateLimitSettings,
    nowMs: number,
  ) {
    const perFiveMinutes = (events: number) => new KeyedBucket(events / FIVE_MINUTES, BURST);
    this.routes = {
      signup: perFiveMinutes(settings.signInSignUps),
      recover: perFiveMinutes(settings.signInSignUps),
      resend: perFiveMinutes(settings.signInSignUps),
      otp: perFiveMinutes(settings.signInSignUps),
      magiclink: perFiveMinutes(settings.signInSignUps),
      user: perFiveMinutes(settings.signInSignUps),
      verify: perFiveMinutes(settings.tokenVerifications),
      token: perFiveMinutes(settings.tokenRefresh),
    };
    this.email = new IntervalLimiter(settings.emailSent, 3600_000, nowMs);
  }

  /** 429 `over_request_rate_limit` "Request rate limit reached" (`performRateLimiting`). */
  check(route: LimitedRoute, request: ApiRequest, nowMs: number): void {
    if (!this.routes[route].allow(request.remoteAddress ?? 'unknown', nowMs)) throw overRequestRate();
  }

  /** 429 `over_email_send_rate_limit` "email rate limit exceeded"; `email_sent = 0` refuses every mail, as upstream. */
  checkEmail(nowMs: number): void {
    if (this.settings.emailSent <= 0 || !this.email.allow(nowMs)) {
      throw new AuthError(429, 'over_email_send_rate_limit', 'email rate limit exceeded');
    }
  }
}

/**
 * `validateSentWithinFrequencyLimit`: one mail of a kind per user per `max_frequency`. The seconds left are
 * truncated, as Go's Duration division does.
 */
export function assertSendFrequency(sentAt: Date | null, maxFrequencySeconds: number, nowMs: number): void {
  if (!sentAt) return;
  const until = sentAt.getTime() + maxFrequencySeconds * 1000;
  if (until > nowMs) {
    const left = Math.trunc((until - nowMs) / 1000);
    throw new AuthError(429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${left} seconds.`);
  }
}
