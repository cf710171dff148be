import { createClient, type RealtimeChannel } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { band, signUp, subscribed, waitFor, type Client, type User } from './support';

const stack = inject('stack');
let alice: User, bob: User;
const extraClients: Client[] = [];

beforeAll(async () => {
  [alice, bob] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob')]);
});

afterAll(async () => {
  await Promise.all([alice, bob].map((user) => user.client.removeAllChannels()));
  await Promise.all(extraClients.map((client) => client.removeAllChannels()));
});

/** A second device of the same user: its own client, its own socket, the same user's token. */
async function secondDevice(user: User): Promise<Client> {
  const transport = typeof globalThis.WebSocket === 'undefined' ? (WebSocket as unknown as typeof globalThis.WebSocket) : undefined;
  const client = createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: transport ? { transport } : {},
  });
  await client.realtime.setAuth(user.token);
  extraClients.push(client);
  return client;
}

/** The user channel as lib/live/user-channel.tsx opens it. */
function userChannel(client: Client, userId: string): RealtimeChannel {
  return client.channel(`user:${userId}`, { config: { private: true, broadcast: { ack: true } } });
}

describe('user channel (user:<uid>)', () => {
  it("carries a user's broadcast to their other device", async () => {
    const phone = userChannel(await secondDevice(alice), alice.id);
    const received: unknown[] = [];
    phone.on('broadcast', { event: 'signed-out' }, (message) => received.push(message.payload));
    const laptop = userChannel(alice.client, alice.id);
    expect((await subscribed(phone)).status).toBe('SUBSCRIBED');
    expect((await subscribed(laptop)).status).toBe('SUBSCRIBED');

    expect(await laptop.send({ type: 'broadcast', event: 'signed-out', payload: {} })).toBe('ok');
    await waitFor(() => received.length === 1, 'the phone hears the laptop');
  });

  it("refuses anyone else, a band mate included, and a malformed topic", async () => {
    await band(stack, alice, [[bob, 'member']]);
    const spy = userChannel(bob.client, alice.id);
    const outcome = await subscribed(spy);
    await bob.client.removeChannel(spy);
    expect(outcome.status).toBe('CHANNEL_ERROR');
    expect(outcome.error?.message).toBe(`Unauthorized: You do not have permissions to read from this Channel topic: user:${alice.id}`);

    for (const topic of [`user:${alice.id.toUpperCase()}`, `user:${alice.id} `, 'user:']) {
      const channel = alice.client.channel(topic, { config: { private: true } });
      const refused = await subscribed(channel);
      await alice.client.removeChannel(channel);
      expect(refused.status, topic).toBe('CHANNEL_ERROR');
    }
  });
});
