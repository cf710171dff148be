import { connect } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type TestProject } from '../helpers/project.ts';
import { waitFor } from './realtime-support.ts';

/**
 * Failure modes that would disturb other files' subscriptions, so this file runs its own stack (a test that
 * needs a server starts it itself). Its project lives only as long as the file.
 */
let project: TestProject;
let vars: Record<string, string>;
const query = (text: string, values: unknown[] = []) => project.query(text, values);
const wsUrl = () => `${vars.API_URL!.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${vars.ANON_KEY}&vsn=2.0.0`;

async function open(): Promise<{ ws: WebSocket; frames: unknown[][] }> {
  const ws = new WebSocket(wsUrl());
  const frames: unknown[][] = [];
  ws.on('message', (data, isBinary) => {
    if (!isBinary) frames.push(JSON.parse(String(data)) as unknown[]);
  });
  await new Promise((resolve) => ws.on('open', resolve));
  return { ws, frames };
}

beforeAll(async () => {
  project = await createProject();
  const started = await project.cli('start');
  if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
  await query('create table public.events (id int primary key, v text); alter publication supabase_realtime add table public.events;');
}, 120_000);

afterAll(async () => {
  await project?.dispose();
});

const changesOf = (frames: unknown[][]) => frames.filter((f) => f[3] === 'postgres_changes').map((f) => (f[4] as { data: { record: { id: number } } }).data.record.id);
const systemOf = (frames: unknown[][]) => frames.filter((f) => f[3] === 'system').map((f) => f[4] as Record<string, string>);

describe('realtime robustness', () => {
  it('resumes replication after the walsender is killed, telling subscribers, without crashing', async () => {
    const { ws, frames } = await open();
    ws.send(JSON.stringify(['1', '1', 'realtime:r', 'phx_join', { config: { postgres_changes: [{ event: 'INSERT', schema: 'public', table: 'events' }] } }]));
    await waitFor(() => systemOf(frames).length === 1, 15_000);
    await query("insert into public.events values (1, 'before')");
    await waitFor(() => changesOf(frames).includes(1));
    const killed = await query("select pg_terminate_backend(active_pid) as ok from pg_replication_slots where slot_name like 'localbase_realtime_%' and active_pid is not null");
    expect(killed.length).toBe(1);
    await waitFor(() => systemOf(frames).some((s) => s.status === 'ok' && systemOf(frames).indexOf(s) > 1), 20_000, 'resubscribed');
    const statuses = systemOf(frames).map((s) => `${s.extension}:${s.status}`);
    expect(statuses).toEqual(['postgres_changes:ok', 'system:error', 'postgres_changes:ok']);
    await query("insert into public.events values (2, 'after')");
    await waitFor(() => changesOf(frames).includes(2));
    ws.close();
  }, 60_000);

  it('survives a client that drops mid-frame, and answers the next one', async () => {
    const url = new URL(vars.API_URL!);
    const socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.on('connect', resolve));
    socket.write(
      `GET /realtime/v1/websocket?apikey=${vars.ANON_KEY}&vsn=2.0.0 HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await new Promise((resolve) => socket.once('data', resolve));
    // A masked text frame header announcing 100 bytes, then 3 bytes of it, then the connection vanishes.
    socket.write(Buffer.from([0x81, 0x80 | 100, 1, 2, 3, 4, 65, 66, 67]));
    socket.destroy();
    const { ws, frames } = await open();
    ws.send(JSON.stringify([null, '1', 'phoenix', 'heartbeat', {}]));
    await waitFor(() => frames.length === 1);
    expect(frames[0]).toEqual([null, '1', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);
    ws.close();
  });

  it('closes a socket that stops reading once its send buffer passes the bound', async () => {
    const { ws } = await open();
    ws.send(JSON.stringify(['1', '1', 'realtime:flood', 'phx_join', {}]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const big = 'x'.repeat(512 * 1024);
    for (let i = 0; i < 60; i++) {
      await fetch(`${vars.API_URL}/realtime/v1/api/broadcast`, {
        method: 'POST',
        headers: { apikey: vars.ANON_KEY!, 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ topic: 'flood', event: 'e', payload: { big } }] }),
      });
    }
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toEqual({ code: 1013, reason: 'slow consumer: send buffer exceeded 8 MiB' });
  }, 60_000);

  it('stops cleanly: no replication slot survives `localbase stop`', async () => {
    expect((await query("select count(*)::int as n from pg_replication_slots where slot_name like 'localbase_realtime_%'"))[0]!.n).toBe(1);
    expect((await project.cli('stop')).code).toBe(0);
    expect((await project.cli('start')).code).toBe(0);
    expect(await query('select slot_name from pg_replication_slots')).toEqual([]);
  }, 120_000);
});
