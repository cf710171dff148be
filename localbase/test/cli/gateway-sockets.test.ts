import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { targetFromStatus, type Target } from '../conformance/target.ts';
import { createProject, type TestProject } from '../helpers/project.ts';
import { MAX_BODY_BYTES } from '../../src/shared/http.ts';

/**
 * How the gateway ends connections: a refused oversize body must not break the client's connection pool, and `stop`
 * must not wait for peers that never answer.
 */
let project: TestProject;
let target: Target;

beforeAll(async () => {
  project = await createProject({
    migrations: { '20240101000000_notes.sql': 'create table public.notes (id int primary key, body text);' },
  });
  const started = await project.cli('start');
  if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  target = targetFromStatus(JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>);
}, 120_000);

afterAll(async () => {
  await project?.dispose();
});

describe('a body over the size limit', () => {
  it('gets a 413 with its JSON error on a closed connection, and the next pooled request succeeds', async () => {
    const headers = { apikey: target.publishableKey, 'content-type': 'application/json' };
    // Node's fetch keeps connections alive and reuses them, as browsers and supabase-js do.
    for (let round = 0; round < 3; round++) {
      const oversize = await fetch(`${target.url}/rest/v1/notes`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id: 1, body: 'x'.repeat(MAX_BODY_BYTES + 1024 * 1024) }),
      });
      expect(oversize.status).toBe(413);
      expect(oversize.headers.get('connection')).toBe('close');
      expect(await oversize.json()).toMatchObject({ message: expect.stringMatching(/larger than/) });
      const next = await fetch(`${target.url}/rest/v1/notes?select=id`, { headers });
      expect(next.status).toBe(200);
      expect(await next.json()).toEqual([]);
    }
  }, 60_000);
});

describe('stop with a WebSocket peer that never answers', () => {
  it('ends the socket and stops within seconds, exit 0', async () => {
    const url = `${target.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${target.publishableKey}&vsn=1.0.0`;
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    // Frozen peer: it stops reading, so it never sees, let alone answers, the server's close frame.
    (ws as unknown as { _socket: import('node:net').Socket })._socket.pause();
    // An idle keep-alive HTTP connection must not hold stop up either.
    expect((await fetch(`${target.url}/auth/v1/health`, { headers: { apikey: target.publishableKey } })).status).toBe(200);

    // The CLI's own start-up (tsx, config) takes seconds on a busy machine; `status` pays the same, so the
    // difference is the time stop spent stopping.
    const timed = async (command: string) => {
      const started = performance.now();
      const result = await project.cli(command);
      return { ...result, seconds: (performance.now() - started) / 1000 };
    };
    const baseline = await timed('status');
    const stopped = await timed('stop');
    expect(stopped.stderr).toBe('');
    expect(stopped.code).toBe(0);
    expect(stopped.seconds - baseline.seconds).toBeLessThanOrEqual(5);
    ws.terminate();
    await closed;
  }, 60_000);
});
