import type { RealtimeChannel } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { band, signUp, subscribed, waitFor, type User } from './support';

const stack = inject('stack');
let alice: User, bob: User, mallory: User;

beforeAll(async () => {
  [alice, bob, mallory] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob'), signUp(stack, 'mallory')]);
});

afterAll(async () => {
  await Promise.all([alice, bob, mallory].map((user) => user.client.removeAllChannels()));
});

/** The presence channel as lib/live/use-presence.ts opens it. */
function presence(user: User, bandId: string, key = user.id): RealtimeChannel {
  const channel = user.client.channel(`presence:${bandId}`, { config: { private: true, presence: { key } } });
  // realtime-js asks for presence only when the channel has a presence binding, as the app's sync handler is.
  channel.on('presence', { event: 'sync' }, () => undefined);
  return channel;
}

describe('band presence channel', () => {
  it('admits members, who see each other, and refuses a non-member', async () => {
    const bandId = await band(stack, alice, [[bob, 'member']]);
    const a = presence(alice, bandId);
    const b = presence(bob, bandId);
    expect((await subscribed(a)).status).toBe('SUBSCRIBED');
    expect((await subscribed(b)).status).toBe('SUBSCRIBED');
    expect(await a.track({ user_id: alice.id, display_name: 'alice' })).toBe('ok');
    expect(await b.track({ user_id: bob.id, display_name: 'bob' })).toBe('ok');
    await waitFor(() => Object.keys(a.presenceState()).length === 2, 'alice sees bob');
    expect(Object.keys(a.presenceState()).sort()).toEqual([alice.id, bob.id].sort());

    const spy = presence(mallory, bandId, alice.id);
    const outcome = await subscribed(spy);
    await mallory.client.removeChannel(spy);
    expect(outcome.status).toBe('CHANNEL_ERROR');
    expect(outcome.error?.message).toBe(`Unauthorized: You do not have permissions to read from this Channel topic: presence:${bandId}`);
  });

  it('refuses malformed topics instead of failing a uuid cast', async () => {
    for (const topic of ['presence:not-a-uuid', "presence:'; select 1; --", 'presence:']) {
      const channel = alice.client.channel(topic, { config: { private: true } });
      const outcome = await subscribed(channel);
      await alice.client.removeChannel(channel);
      expect(outcome.status).toBe('CHANNEL_ERROR');
    }
  });
});
