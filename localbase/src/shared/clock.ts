/** Injectable time, so expiry logic is testable without sleeping. Seconds, as JWT claims count them. */
export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

export function epochSeconds(clock: Clock): number {
  return Math.floor(clock.nowMs() / 1000);
}
