import WebSocket from 'ws';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { handshake as refusedHandshake, mintToken, realtimeClient, subscribed, uniqueName, VSNS, waitFor } from './realtime-support.ts';

const target = inject('target');
const wsUrl = (query: string) => `${target.url.replace(/^http/, 'ws')}/realtime/v1/websocket?${query}`;

const handshake = (query: string) => refusedHandshake(wsUrl(query));

const clients: SupabaseClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.removeAllChannels()));
});

describe('realtime handshake', () => {
  it('accepts the sb_publishable_ key with 101, never 403', async () => {
    expect((await handshake(`apikey=${target.publishableKey}&vsn=2.0.0`)).status).toBe(101);
    expect((await handshake(`apikey=${target.anonKey}&vsn=1.0.0`)).status).toBe(101);
    expect((await handshake(`apikey=${target.secretKey}&vsn=2.0.0`)).status).toBe(101);
  });

  it('refuses a garbage, a missing and an expired key with 401 and a JSON error', async () => {
    expect(await handshake('apikey=garbage&vsn=2.0.0')).toEqual({ status: 401, body: { error: 'The token provided is not a valid JWT' } });
    expect(await handshake('vsn=2.0.0')).toEqual({ status: 401, body: { error: 'API key is missing' } });
    const expired = await mintToken(target, { role: 'anon' }, -60);
    expect(await handshake(`apikey=${expired}&vsn=2.0.0`)).toEqual({ status: 401, body: { error: 'Token has expired' } });
    const forged = `${target.anonKey.slice(0, -4)}AAAA`;
    expect(await handshake(`apikey=${forged}`)).toEqual({ status: 401, body: { error: 'Failed to validate JWT signature' } });
  });

  it('answers heartbeats on topic phoenix and refuses non-realtime topics', async () => {
    const ws = new WebSocket(wsUrl(`apikey=${target.anonKey}&vsn=2.0.0`));
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(JSON.stringify([null, '10', 'phoenix', 'heartbeat', {}]));
    ws.send(JSON.stringify(['1', '11', 'room:x', 'phx_join', {}]));
    ws.send(JSON.stringify(['1', '12', 'realtime:nowhere', 'phx_leave', {}]));
    await waitFor(() => frames.length >= 3);
    ws.close();
    expect(frames).toEqual([
      [null, '10', 'phoenix', 'phx_reply', { status: 'ok', response: {} }],
      ['1', '11', 'room:x', 'phx_reply', { status: 'error', response: { reason: 'unmatched topic' } }],
      ['1', '12', 'realtime:nowhere', 'phx_reply', { status: 'ok', response: {} }],
    ]);
  });

  it('speaks vsn 1.0.0 JSON objects', async () => {
    const ws = new WebSocket(wsUrl(`apikey=${target.anonKey}&vsn=1.0.0`));
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '3', join_ref: null }));
    await waitFor(() => frames.length >= 1);
    ws.close();
    expect(frames[0]).toEqual({ topic: 'phoenix', event: 'phx_reply', payload: { status: 'ok', response: {} }, ref: '3' });
  });
});

describe.each(VSNS)('broadcast and presence over vsn %s', (vsn) => {
  const make = (key = target.publishableKey) => {
    const c = realtimeClient(target, key, vsn);
    clients.push(c);
    return c;
  };

  it('delivers to others, to self only with self:true, and acks with ack:true', async () => {
    const room = uniqueName('room');
    const a = make().channel(room, { config: { broadcast: { self: true, ack: true } } });
    const b = make().channel(room);
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    a.on('broadcast', { event: 'cursor' }, (message) => gotA.push(message));
    b.on('broadcast', { event: '*' }, (message) => gotB.push(message));
    expect((await subscribed(a)).status).toBe('SUBSCRIBED');
    expect((await subscribed(b)).status).toBe('SUBSCRIBED');
    expect(await a.send({ type: 'broadcast', event: 'cursor', payload: { x: 1 } })).toBe('ok');
    await waitFor(() => gotA.length === 1 && gotB.length === 1);
    expect(gotB[0]).toEqual({ type: 'broadcast', event: 'cursor', payload: { x: 1 } });
    expect(gotA[0]).toEqual({ type: 'broadcast', event: 'cursor', payload: { x: 1 } });
    await b.send({ type: 'broadcast', event: 'cursor', payload: { x: 2 } });
    await waitFor(() => gotA.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(gotB).toHaveLength(1); // b has self:false
  });

  it('relays binary payloads', async () => {
    const room = uniqueName('bin');
    const a = make().channel(room);
    const b = make().channel(room);
    const got: { payload: unknown }[] = [];
    b.on('broadcast', { event: 'blob' }, (message) => got.push(message as unknown as { payload: unknown }));
    await subscribed(a);
    await subscribed(b);
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await a.send({ type: 'broadcast', event: 'blob', payload: bytes.buffer });
    if (vsn === '1.0.0') {
      // realtime-js only encodes binary frames in 2.0.0; over 1.0.0 the ArrayBuffer is JSON-serialised ({}).
      await waitFor(() => got.length === 1);
      return;
    }
    await waitFor(() => got.length === 1);
    expect(Array.from(new Uint8Array(got[0]!.payload as ArrayBuffer))).toEqual([0, 1, 2, 250, 255]);
  });

  it('sends through the REST endpoint with httpSend and the implicit fallback', async () => {
    const room = uniqueName('http');
    const listener = make().channel(room);
    const got: unknown[] = [];
    listener.on('broadcast', { event: '*' }, (message) => got.push(message));
    await subscribed(listener);
    const sender = make().channel(room);
    await expect(sender.httpSend('ping', { n: 1 })).resolves.toEqual({ success: true });
    expect(await sender.send({ type: 'broadcast', event: 'pong', payload: { n: 2 } })).toBe('ok');
    await waitFor(() => got.length === 2);
    expect(got).toEqual([
      { type: 'broadcast', event: 'ping', payload: { n: 1 } },
      { type: 'broadcast', event: 'pong', payload: { n: 2 } },
    ]);
    const res = await fetch(`${target.url}/realtime/v1/api/broadcast`, { method: 'POST', headers: { apikey: 'garbage', 'content-type': 'application/json' }, body: '{"messages":[]}' });
    expect(res.status).toBe(401);
  });

  it('syncs presence: state after join, joins, and leaves on untrack and disconnect', async () => {
    const room = uniqueName('presence');
    const a = make().channel(room, { config: { presence: { key: 'alice' } } });
    const bClient = make();
    const b = bClient.channel(room, { config: { presence: { key: 'bob' } } });
    const joins: string[] = [];
    const leaves: string[] = [];
    a.on('presence', { event: 'join' }, ({ key }) => joins.push(key));
    a.on('presence', { event: 'leave' }, ({ key }) => leaves.push(key));
    let synced = 0;
    a.on('presence', { event: 'sync' }, () => synced++);
    b.on('presence', { event: 'sync' }, () => undefined);
    expect((await subscribed(a)).status).toBe('SUBSCRIBED');
    await waitFor(() => synced >= 1, 10_000, 'presence_state');
    expect(await a.track({ who: 'alice' })).toBe('ok');
    expect((await subscribed(b)).status).toBe('SUBSCRIBED');
    expect(await b.track({ who: 'bob' })).toBe('ok');
    await waitFor(() => joins.includes('alice') && joins.includes('bob'));
    const state = a.presenceState<{ who: string }>();
    expect(state.bob?.[0]?.who).toBe('bob');
    expect(await a.untrack()).toBe('ok');
    await waitFor(() => leaves.includes('alice'));
    await bClient.removeAllChannels();
    await waitFor(() => leaves.includes('bob'));
    expect(a.presenceState().bob).toBeUndefined();
  });
});

describe('reconnect', () => {
  it('rejoins cleanly after the socket drops', async () => {
    const c = realtimeClient(target, target.publishableKey, '2.0.0');
    clients.push(c);
    const room = uniqueName('rejoin');
    const channel = c.channel(room);
    const statuses: string[] = [];
    const got: unknown[] = [];
    channel.on('broadcast', { event: 'e' }, (m) => got.push(m));
    channel.subscribe((status) => statuses.push(status));
    await waitFor(() => statuses.includes('SUBSCRIBED'));
    // Drop the transport under the client, as a network failure would.
    (c.realtime as unknown as { socketAdapter: { getSocket(): { conn: { close(code: number): void } } } }).socketAdapter.getSocket().conn.close(4000);
    await waitFor(() => statuses.filter((s) => s === 'SUBSCRIBED').length >= 2, 15_000, 'rejoin');
    const other = realtimeClient(target, target.anonKey, '2.0.0');
    clients.push(other);
    const sender = other.channel(room);
    await subscribed(sender);
    await sender.send({ type: 'broadcast', event: 'e', payload: {} });
    await waitFor(() => got.length === 1);
  });
});
