import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type TestProject } from '../helpers/project.ts';
import { waitFor } from './realtime-support.ts';

/**
 * A postgres_changes subscriber that stops reading while a backlog is streamed: it alone is closed, the others keep
 * every event, and the daemon's memory stays bounded. Its own stack, as the flood would disturb other files.
 */
let project: TestProject;
let vars: Record<string, string>;
const ROWS = 400;
/** 64 KiB per row: the backlog (25 MiB per subscriber) is three times the per-socket bound. */
const BODY_CHUNKS = 2048;

beforeAll(async () => {
  project = await createProject();
  const started = await project.cli('start');
  if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
  await project.query('create table public.flood (id int primary key, body text); alter publication supabase_realtime add table public.flood;');
}, 120_000);

afterAll(async () => {
  await project?.dispose();
});

interface Subscriber {
  ws: WebSocket;
  ids: number[];
  subscribed: boolean;
  closed: Promise<{ code: number; reason: string }>;
}

async function subscribe(topic: string): Promise<Subscriber> {
  const ws = new WebSocket(`${vars.API_URL!.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${vars.ANON_KEY}&vsn=2.0.0`);
  const subscriber: Subscriber = {
    ws,
    ids: [],
    subscribed: false,
    closed: new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) }))),
  };
  ws.on('message', (data) => {
    const [, , , event, payload] = JSON.parse(String(data)) as [unknown, unknown, string, string, Record<string, unknown>];
    if (event === 'system' && payload.status === 'ok') subscriber.subscribed = true;
    if (event === 'postgres_changes') subscriber.ids.push((payload.data as { record: { id: number } }).record.id);
  });
  await new Promise((resolve) => ws.on('open', resolve));
  ws.send(JSON.stringify(['1', '1', `realtime:${topic}`, 'phx_join', { config: { postgres_changes: [{ event: 'INSERT', schema: 'public', table: 'flood' }] } }]));
  await waitFor(() => subscriber.subscribed, 15_000, `${topic} subscribed`);
  return subscriber;
}

const tcp = (ws: WebSocket) => (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

describe('realtime backpressure', () => {
  it('closes a postgres_changes subscriber that stops reading, logs it, and keeps delivering to the others', async () => {
    const daemonPid = Number(readFileSync(join(project.root, '.localbase', 'localbase.pid'), 'utf8').trim());
    const log = () => readFileSync(join(project.root, '.localbase', 'logs', 'localbase.log'), 'utf8');
    const slow = await subscribe('slow');
    const healthy = await subscribe('healthy');
    tcp(slow.ws).pause();
    let peakRss = rssMb(daemonPid);
    for (let first = 0; first < ROWS; first += 20) {
      await project.query(`insert into public.flood select g, repeat(md5(g::text), ${BODY_CHUNKS}) from generate_series($1::int, $2::int) g`, [first, first + 19]);
      peakRss = Math.max(peakRss, rssMb(daemonPid));
    }
    await waitFor(() => healthy.ids.length === ROWS, 60_000, 'every row at the healthy subscriber');
    await waitFor(() => log().includes('closing slow consumer socket'), 30_000, 'the slow-consumer log line');
    tcp(slow.ws).resume();
    expect(await slow.closed).toEqual({ code: 1013, reason: 'slow consumer: send buffer exceeded 8 MiB' });
    expect(slow.ids.length).toBeLessThan(ROWS);
    expect(healthy.ids).toEqual(Array.from({ length: ROWS }, (_, i) => i));
    expect(log()).toMatch(/closing slow consumer socket \d+ \(user anonymous, role anon\): \d+ bytes queued, limit 8388608/);
    expect(peakRss).toBeLessThan(400);
    healthy.ws.close();
  }, 120_000);
});
