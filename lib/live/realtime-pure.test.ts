import { describe, expect, it } from 'vitest';
import { nextConnectionState, reopenDelayMs, visibleConnectionState } from './connection';
import { initials, onlineMembers, viewersOf } from './presence';

describe('realtime helpers', () => {
  it('nextConnectionState: SUBSCRIBED is connected, every other status is reconnecting', () => {
    expect(nextConnectionState('SUBSCRIBED')).toBe('connected');
    for (const status of ['CHANNEL_ERROR', 'TIMED_OUT', 'CLOSED'] as const) expect(nextConnectionState(status)).toBe('reconnecting');
  });

  it('visibleConnectionState: an offline browser shows offline whatever the channel said', () => {
    expect(visibleConnectionState('connected', false)).toBe('offline');
    expect(visibleConnectionState('reconnecting', true)).toBe('reconnecting');
  });

  it('reopenDelayMs: grows and caps', () => {
    expect([0, 1, 2, 3, 50].map(reopenDelayMs)).toEqual([500, 1000, 2000, 5000, 5000]);
  });

  it('onlineMembers: one entry per user across keys and metas, sorted by name, junk skipped', () => {
    const members = onlineMembers({
      u2: [{ user_id: 'u2', display_name: 'Sam' }, { user_id: 'u2', display_name: 'Sam' }],
      u1: [{ user_id: 'u1', display_name: 'Alex' }],
      junk: [{ display_name: 'no id' }],
    });
    expect(members).toEqual([
      { user_id: 'u1', display_name: 'Alex', at: [] },
      { user_id: 'u2', display_name: 'Sam', at: [] },
    ]);
  });

  it('onlineMembers: the pages a user has open across devices, once each; viewersOf leaves out this user', () => {
    const members = onlineMembers({
      u1: [{ user_id: 'u1', display_name: 'Alex', at: '/a' }, { user_id: 'u1', display_name: 'Alex', at: '/b' }, { user_id: 'u1', display_name: 'Alex', at: '/a' }],
      u2: [{ user_id: 'u2', display_name: 'Sam', at: '/b' }],
    });
    expect(members.map((member) => member.at)).toEqual([['/a', '/b'], ['/b']]);
    expect(viewersOf(members, '/b', 'u1').map((member) => member.display_name)).toEqual(['Sam']);
    expect(viewersOf(members, '/a', 'u1')).toEqual([]);
  });

  it('onlineMembers: a meta whose user_id differs from its presence key is ignored (spoofing)', () => {
    const members = onlineMembers({
      u1: [{ user_id: 'u1', display_name: 'Alex' }],
      u3: [{ user_id: 'u2', display_name: 'Sam (fake)' }],
    });
    expect(members).toEqual([{ user_id: 'u1', display_name: 'Alex', at: [] }]);
  });

  it('initials: up to two letters', () => {
    expect(initials('Alex Turner')).toBe('AT');
    expect(initials('sam')).toBe('S');
    expect(initials('  Ann  Be Cee ')).toBe('AB');
  });
});

describe('system messages', () => {
  it('changesReadyFromSystem: ok/error of postgres_changes; other extensions and junk are ignored', async () => {
    const { changesReadyFromSystem } = await import('./connection');
    expect(changesReadyFromSystem({ extension: 'postgres_changes', status: 'ok', message: 'Subscribed to PostgreSQL' })).toBe(true);
    expect(changesReadyFromSystem({ extension: 'postgres_changes', status: 'error', message: 'Unable to subscribe' })).toBe(false);
    expect(changesReadyFromSystem({ extension: 'system', status: 'ok' })).toBeUndefined();
    expect(changesReadyFromSystem(null)).toBeUndefined();
  });
});
