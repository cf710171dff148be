import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createProject, runCli, type TestProject } from '../helpers/project.ts';
import { handshake, realtimeClient, subscribed, waitFor } from './realtime-support.ts';
import { targetFromStatus, type Target } from './target.ts';

/**
 * Realtime's limits need stacks started with low `LOCALBASE_REALTIME_*` values, so this file runs its own: one for
 * the counted limits (channels, users, payload size), one for the averaged rates, which stay tripped for a minute.
 */
interface Stack {
  project: TestProject;
  target: Target;
}

async function startStack(env: Record<string, string>): Promise<Stack> {
  const project = await createProject();
  const started = await runCli(project.root, ['start'], env);
  if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
  return { project, target: targetFromStatus(vars) };
}

/** A raw vsn 2.0.0 socket that records text frames and its close code. */
interface RawSocket {
  ws: WebSocket;
  frames: unknown[][];
  binaries: Buffer[];
  closed: Promise<number>;
}

function socketUrl(target: Target): string {
  return `${target.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${target.anonKey}&vsn=2.0.0`;
}

async function openSocket(target: Target): Promise<RawSocket> {
  const ws = new WebSocket(socketUrl(target));
  const frames: unknown[][] = [];
  const binaries: Buffer[] = [];
  ws.on('message', (data, isBinary) => (isBinary ? binaries.push(data as Buffer) : frames.push(JSON.parse(String(data)) as unknown[])));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  return { ws, frames, binaries, closed };
}

const repliesTo = (socket: RawSocket, topic: string) => socket.frames.filter((f) => f[2] === topic && f[3] === 'phx_reply').map((f) => f[4] as { status: string; response: unknown });

async function join(socket: RawSocket, topic: string, ref: string, payload: unknown = {}): Promise<{ status: string; response: unknown }> {
  socket.ws.send(JSON.stringify([ref, ref, topic, 'phx_join', payload]));
  await waitFor(() => socket.frames.some((f) => f[1] === ref && f[3] === 'phx_reply'), 10_000, `reply to join ${ref}`);
  return socket.frames.find((f) => f[1] === ref && f[3] === 'phx_reply')![4] as { status: string; response: unknown };
}

async function closeSocket(socket: RawSocket): Promise<void> {
  socket.ws.close();
  await socket.closed;
}

function restBroadcast(target: Target, path: string, body: string | Buffer, contentType: string): Promise<Response> {
  return fetch(`${target.url}/realtime/v1/api/broadcast${path}`, {
    method: 'POST',
    headers: { apikey: target.anonKey, authorization: `Bearer ${target.anonKey}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
}

async function answer(response: Promise<Response>): Promise<{ status: number; body: unknown }> {
  const res = await response;
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe('realtime counted limits', () => {
  let stack: Stack;
  const clients: SupabaseClient[] = [];

  beforeAll(async () => {
    stack = await startStack({ LOCALBASE_REALTIME_MAX_CHANNELS_PER_CLIENT: '3', LOCALBASE_REALTIME_MAX_PAYLOAD_SIZE_IN_KB: '1' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.removeAllChannels()));
    await stack?.project.dispose();
  });

  it('refuses a binary broadcast whose topic or event a binary frame cannot carry, with 422 instead of a 500', async () => {
    const longest = 't'.repeat(246); // "realtime:" + 246 bytes = 255, the most a length byte can say
    const tooLong = 't'.repeat(247);
    const socket = await openSocket(stack.target);
    expect((await join(socket, `realtime:${longest}`, '1')).status).toBe('ok');
    expect((await join(socket, `realtime:${tooLong}`, '2')).status).toBe('ok');
    // Not UTF-8: the payload must reach the socket byte for byte.
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    expect(await answer(restBroadcast(stack.target, `/${tooLong}/events/e`, bytes, 'application/octet-stream'))).toEqual({
      status: 422,
      body: { errors: { topic: ['should be at most 246 byte(s) for a binary payload'] } },
    });
    expect(await answer(restBroadcast(stack.target, `/${longest}/events/${'e'.repeat(256)}`, bytes, 'application/octet-stream'))).toEqual({
      status: 422,
      body: { errors: { event: ['should be at most 255 byte(s) for a binary payload'] } },
    });
    // The frame that fits is delivered, and a JSON payload reaches the long topic as a text frame.
    expect((await restBroadcast(stack.target, `/${longest}/events/e`, bytes, 'application/octet-stream')).status).toBe(202);
    expect((await restBroadcast(stack.target, `/${tooLong}/events/e`, JSON.stringify({ ok: true }), 'application/json')).status).toBe(202);
    await waitFor(() => socket.binaries.length === 1 && socket.frames.some((f) => f[3] === 'broadcast'));
    expect(socket.binaries[0]!.subarray(-bytes.length)).toEqual(bytes);
    expect(socket.frames.find((f) => f[3] === 'broadcast')).toEqual([null, null, `realtime:${tooLong}`, 'broadcast', { type: 'broadcast', event: 'e', payload: { ok: true } }]);
    await closeSocket(socket);
  });

  it('refuses a join past the channels-per-socket limit with ChannelRateLimitReached', async () => {
    const supabase = realtimeClient(stack.target, stack.target.anonKey, '2.0.0');
    clients.push(supabase);
    const results = [];
    for (const name of ['a', 'b', 'c', 'd']) results.push(await subscribed(supabase.channel(name)));
    expect(results.map((r) => r.status)).toEqual(['SUBSCRIBED', 'SUBSCRIBED', 'SUBSCRIBED', 'CHANNEL_ERROR']);
    expect(results[3]!.error?.message).toBe('ChannelRateLimitReached: Too many channels');
    // Leaving one makes room again.
    await supabase.removeChannel(supabase.getChannels().find((c) => c.topic === 'realtime:a')!);
    await supabase.removeChannel(supabase.getChannels().find((c) => c.topic === 'realtime:d')!);
    expect((await subscribed(supabase.channel('e'))).status).toBe('SUBSCRIBED');
    await supabase.removeAllChannels();
  });

  it('drops an over-size broadcast, answering an ack client with payload_size_exceeded', async () => {
    const sender = realtimeClient(stack.target, stack.target.anonKey, '2.0.0');
    const receiver = realtimeClient(stack.target, stack.target.anonKey, '1.0.0');
    clients.push(sender, receiver);
    const received: unknown[] = [];
    const inbox = receiver.channel('sizes').on('broadcast', { event: 'm' }, ({ payload }) => received.push(payload));
    const outbox = sender.channel('sizes', { config: { broadcast: { ack: true } } });
    expect((await subscribed(inbox)).status).toBe('SUBSCRIBED');
    expect((await subscribed(outbox)).status).toBe('SUBSCRIBED');
    // The limit is 1 KB plus RT's 500 bytes of padding.
    expect(await outbox.send({ type: 'broadcast', event: 'm', payload: { text: 'x'.repeat(1600) } })).toBe('error');
    expect(await outbox.send({ type: 'broadcast', event: 'm', payload: { text: 'x'.repeat(1200) } })).toBe('ok');
    await waitFor(() => received.length === 1);
    expect((received[0] as { text: string }).text).toHaveLength(1200);
    await sender.removeAllChannels();
    await receiver.removeAllChannels();
  });

  it('answers an over-size REST broadcast with 422 and its message error', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(1600) });
    expect(await answer(restBroadcast(stack.target, '/room/events/e', big, 'application/json'))).toEqual({ status: 422, body: { errors: { payload: ['Payload size exceeds tenant limit'] } } });
    const batch = JSON.stringify({ messages: [{ topic: 'room', event: 'e', payload: {} }, { topic: 'room', event: 'e', payload: JSON.parse(big) as unknown }] });
    expect(await answer(restBroadcast(stack.target, '', batch, 'application/json'))).toEqual({ status: 422, body: { errors: { messages: [{}, { payload: ['Payload size exceeds tenant limit'] }] } } });
    expect(await answer(restBroadcast(stack.target, '/room/events/e', Buffer.alloc(1600, 65), 'application/octet-stream'))).toEqual({ status: 422, body: { errors: { payload: ['Payload size exceeds tenant limit'] } } });
  });

  it('shuts a channel down when a presence track is over the size limit', async () => {
    const socket = await openSocket(stack.target);
    expect((await join(socket, 'realtime:lobby', '1', { config: { presence: { key: 'me', enabled: true } } })).status).toBe('ok');
    socket.ws.send(JSON.stringify(['1', '2', 'realtime:lobby', 'presence', { type: 'presence', event: 'track', payload: { text: 'x'.repeat(1600) } }]));
    await waitFor(() => socket.frames.some((f) => f[3] === 'phx_close'));
    const system = socket.frames.find((f) => f[3] === 'system')![4];
    expect(system).toEqual({ extension: 'system', status: 'error', message: 'Track message size exceeded', channel: 'lobby' });
    expect(repliesTo(socket, 'realtime:lobby')).toHaveLength(1);
    await closeSocket(socket);
  });
});

// Its own stack: a socket another test closed is only counted out once the server has seen the close, and that
// race must not decide which of this test's joins reach the limit.
describe('realtime connected-users limit', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ LOCALBASE_REALTIME_MAX_CONCURRENT_USERS: '3' });
  }, 120_000);

  afterAll(async () => {
    await stack?.project.dispose();
  });

  it('refuses users past the concurrent-users limit: 429 at the handshake, or an error at the join', async () => {
    const sockets = [await openSocket(stack.target), await openSocket(stack.target), await openSocket(stack.target), await openSocket(stack.target)];
    for (const [index, socket] of sockets.slice(0, 3).entries()) expect((await join(socket, 'realtime:users', String(index))).status).toBe('ok');
    // Connected before the limit was reached, the fourth socket is refused at its first join instead.
    expect(await join(sockets[3]!, 'realtime:users', '9')).toEqual({ status: 'error', response: { reason: 'ConnectionRateLimitReached: Too many connected users' } });
    expect(await handshake(socketUrl(stack.target))).toEqual({ status: 429, body: { error: 'Too many connected users' } });
    // A joined socket may still join more channels; a closed one frees its place.
    expect((await join(sockets[0]!, 'realtime:more', '5')).status).toBe('ok');
    await closeSocket(sockets[0]!);
    // The place is freed once the server has seen the close, which can come a moment after the client saw it.
    const deadline = Date.now() + 5_000;
    let rejoin = await join(sockets[3]!, 'realtime:users', '10');
    for (let ref = 11; rejoin.status !== 'ok' && Date.now() < deadline; ref++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      rejoin = await join(sockets[3]!, 'realtime:users', String(ref));
    }
    expect(rejoin).toMatchObject({ status: 'ok' });
    await Promise.all(sockets.slice(1).map(closeSocket));
  });
});

describe('realtime rate limits', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ LOCALBASE_REALTIME_MAX_JOINS_PER_SECOND: '1', LOCALBASE_REALTIME_MAX_EVENTS_PER_SECOND: '1' });
  }, 120_000);

  afterAll(async () => {
    await stack?.project.dispose();
  });

  it('shuts receiving channels down once messages per second average over the limit, and REST answers 429', async () => {
    const sender = realtimeClient(stack.target, stack.target.anonKey, '2.0.0');
    const receiver = realtimeClient(stack.target, stack.target.anonKey, '2.0.0');
    const system: Record<string, unknown>[] = [];
    const inbox = receiver.channel('busy').on('system', {}, (payload: Record<string, unknown>) => system.push(payload));
    const outbox = sender.channel('busy');
    expect((await subscribed(inbox)).status).toBe('SUBSCRIBED');
    expect((await subscribed(outbox)).status).toBe('SUBSCRIBED');
    // Each message counts once in and once per delivery; a minute of 5-second ticks averages at most 60 of them.
    for (let i = 0; i < 40; i++) await outbox.send({ type: 'broadcast', event: 'm', payload: { i } });
    // The average is computed at the next 5-second tick; keep sending until a delivery finds it over the limit.
    const deadline = Date.now() + 30_000; // ticks come every 5 s; a loaded CI machine needs the slack
    while (system.length === 0 && Date.now() < deadline) {
      await outbox.send({ type: 'broadcast', event: 'm', payload: {} });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(system).toEqual([{ extension: 'system', status: 'error', message: 'Too many messages per second', channel: 'busy' }]);
    await waitFor(() => inbox.state === 'closed');
    expect(await answer(restBroadcast(stack.target, '/busy/events/e', '{}', 'application/json'))).toEqual({ status: 429, body: { message: 'You have exceeded your rate limit' } });
    await sender.removeAllChannels();
    await receiver.removeAllChannels();
  }, 60_000);

  it('refuses joins once joins per second average over the limit, closing the socket, then refuses handshakes with 429', async () => {
    const socket = await openSocket(stack.target);
    const joinAgain = (ref: number) => socket.ws.send(JSON.stringify([String(ref), String(ref), 'realtime:again', 'phx_join', {}]));
    const refused = () => repliesTo(socket, 'realtime:again').some((reply) => reply.status !== 'ok');
    for (let ref = 0; ref < 100; ref++) joinAgain(ref);
    // The average is computed at the next 5-second tick; keep joining until a join is refused.
    const deadline = Date.now() + 30_000; // ticks come every 5 s; a loaded CI machine needs the slack
    for (let ref = 100; !refused() && Date.now() < deadline; ref++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (socket.ws.readyState === WebSocket.OPEN) joinAgain(ref);
    }
    const replies = repliesTo(socket, 'realtime:again');
    expect(replies[0]!.status).toBe('ok');
    // The refusal is the socket's last word.
    expect(replies.at(-1)).toEqual({ status: 'error', response: { reason: 'ClientJoinRateLimitReached: Too many joins per second' } });
    expect(replies.filter((reply) => reply.status !== 'ok')).toHaveLength(1);
    expect(await socket.closed).toBe(1000);
    expect(await handshake(socketUrl(stack.target))).toEqual({ status: 429, body: { error: 'Too many joins per second' } });
  }, 60_000);
});
