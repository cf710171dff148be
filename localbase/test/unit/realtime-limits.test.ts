import { describe, expect, it } from 'vitest';
import { binaryBroadcastErrors, DEFAULT_REALTIME_LIMITS, payloadTooLarge, RateCounter, readRealtimeLimits, RealtimeLimiter } from '../../src/realtime/limits.ts';

function fakeClock() {
  let now = 1_000_000;
  return { nowMs: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateCounter (RT rate_counter.ex semantics)', () => {
  it('averages per-tick counts over the ticks so far, starting with an empty one, and triggers at the limit', () => {
    const clock = fakeClock();
    const counter = new RateCounter(2, clock);
    counter.add(19);
    expect(counter.triggered).toBe(false); // counted, but no tick yet
    clock.advance(5000);
    expect(counter.average).toBe(1.9); // (19 + 0) / 2 ticks / 5 s
    expect(counter.triggered).toBe(false);
    counter.add(11);
    clock.advance(5000);
    expect(counter.average).toBe(2); // (11 + 19 + 0) / 3 / 5
    expect(counter.triggered).toBe(true);
  });

  it('releases once the average falls under the limit, and keeps at most twelve ticks', () => {
    const clock = fakeClock();
    const counter = new RateCounter(1, clock);
    counter.add(100);
    clock.advance(5000);
    expect(counter.triggered).toBe(true);
    clock.advance(11 * 5000);
    expect(counter.average).toBeCloseTo(100 / 12 / 5);
    expect(counter.triggered).toBe(true);
    clock.advance(5000); // the burst leaves the twelve-tick window
    expect(counter.average).toBe(0);
    expect(counter.triggered).toBe(false);
    clock.advance(3_600_000);
    expect(counter.average).toBe(0);
  });
});

describe('realtime limit settings', () => {
  it('defaults to RT tenant defaults and reads LOCALBASE_REALTIME_* overrides', () => {
    expect(readRealtimeLimits({})).toEqual(DEFAULT_REALTIME_LIMITS);
    expect(DEFAULT_REALTIME_LIMITS).toEqual({ maxConcurrentUsers: 200, maxEventsPerSecond: 100, maxJoinsPerSecond: 100, maxChannelsPerClient: 100, maxPayloadSizeInKb: 3000 });
    expect(readRealtimeLimits({ LOCALBASE_REALTIME_MAX_EVENTS_PER_SECOND: '2500' }).maxEventsPerSecond).toBe(2500);
    expect(() => readRealtimeLimits({ LOCALBASE_REALTIME_MAX_JOINS_PER_SECOND: 'lots' })).toThrow('LOCALBASE_REALTIME_MAX_JOINS_PER_SECOND=lots is not a positive whole number.');
    expect(() => readRealtimeLimits({ LOCALBASE_REALTIME_MAX_CHANNELS_PER_CLIENT: '0' })).toThrow('is not a positive whole number');
  });

  it('allows payloads up to the limit in KB (1000 bytes) plus 500 bytes, JSON or binary', () => {
    const limits = { ...DEFAULT_REALTIME_LIMITS, maxPayloadSizeInKb: 1 };
    expect(payloadTooLarge(limits, Buffer.alloc(1500))).toBe(false);
    expect(payloadTooLarge(limits, Buffer.alloc(1501))).toBe(true);
    expect(payloadTooLarge(limits, 'x'.repeat(1498))).toBe(false); // 1500 bytes with its quotes
    expect(payloadTooLarge(limits, 'x'.repeat(1499))).toBe(true);
  });

  it('knows which topics and events a binary broadcast frame can carry', () => {
    expect(binaryBroadcastErrors('t'.repeat(246), 'e'.repeat(255))).toEqual({});
    expect(binaryBroadcastErrors('é'.repeat(124), 'e')).toEqual({ topic: ['should be at most 246 byte(s) for a binary payload'] });
    expect(binaryBroadcastErrors('t', 'e'.repeat(256))).toEqual({ event: ['should be at most 255 byte(s) for a binary payload'] });
  });
});

describe('RealtimeLimiter', () => {
  it('checks users, then the join rate (counting admitted joins), then channels', () => {
    const clock = fakeClock();
    const limiter = new RealtimeLimiter({ ...DEFAULT_REALTIME_LIMITS, maxConcurrentUsers: 1, maxChannelsPerClient: 1, maxJoinsPerSecond: 1 }, clock);
    const first = { channelCount: 0 };
    const second = { channelCount: 0 };
    expect(limiter.refuseJoin(first)).toBeUndefined();
    limiter.joined(first);
    expect(limiter.refuseConnect()).toBe('Too many connected users');
    expect(limiter.refuseJoin(second)).toEqual({ reason: 'ConnectionRateLimitReached: Too many connected users', disconnect: false });
    expect(limiter.refuseJoin({ channelCount: 1 })).toEqual({ reason: 'ConnectionRateLimitReached: Too many connected users', disconnect: false });
    first.channelCount = 1;
    expect(limiter.refuseJoin(first)).toEqual({ reason: 'ChannelRateLimitReached: Too many channels', disconnect: false });
    limiter.gone(first);
    expect(limiter.refuseConnect()).toBeUndefined();
    for (let i = 0; i < 8; i++) limiter.refuseJoin(second);
    clock.advance(5000); // 10 joins over two ticks of 5 s: 1 per second
    expect(limiter.refuseConnect()).toBe('Too many joins per second');
    expect(limiter.refuseJoin(second)).toEqual({ reason: 'ClientJoinRateLimitReached: Too many joins per second', disconnect: true });
  });
});
