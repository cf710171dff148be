import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { addSong, bandOfTwo, expectLive, openEditor, saveEdit, songRow } from './band-helpers';
import { expect, test, type Device } from './fixtures';
import { startStack, stopStack, tolerateOutage } from './stack-control';

// LAN mode end to end: `npm run dev -- --lan` restarts nothing by itself, so this spec stops the loopback stack,
// runs the real dev script on E2E_LAN_PORT (it starts localbase on the LAN address), drives two browser contexts
// at http://<lan address>:<port>, and leaves the loopback stack running again for whatever comes next.
test.describe.configure({ mode: 'serial' });

/** 'open' when host:port accepts a TCP connection, else the error code (ECONNREFUSED: nothing listens there). */
function probe(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

async function apiUrl(): Promise<URL> {
  const { localbase } = await import('../scripts/lib/supabase-env.mjs');
  const status = await localbase(['status', '-o', 'json']);
  expect(status.code, status.stderr).toBe(0);
  return new URL((JSON.parse(status.stdout) as { API_URL: string }).API_URL);
}

/** `node scripts/dev.mjs --lan=<address>` in its own process group, with its output kept for the assertions. */
function startLanDevServer(address: string, port: string): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['scripts/dev.mjs', `--lan=${address}`], {
    // Its own .next folder: the suite's production server keeps serving from .next meanwhile.
    env: { ...process.env, PORT: port, ROCK_ON_DIST_DIR: '.next-lan', NEXT_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitForApp(url: string, server: { child: ChildProcess; output: () => string }): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`npm run dev -- --lan exited (${server.child.exitCode}):\n${server.output()}`);
    const answered = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(120_000) }).then((r) => r.status < 500, () => false);
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm run dev -- --lan did not answer at ${url}:\n${server.output()}`);
}

test('default mode: the stack does not listen on the LAN address', async ({ baseURL }) => {
  test.skip(!baseURL, 'this machine has no non-loopback IPv4 address');
  const api = await apiUrl();
  expect(api.hostname).toBe('127.0.0.1');
  expect(await probe(new URL(baseURL!).hostname, Number(api.port))).toBe('ECONNREFUSED');
});

test('LAN mode: two devices at the LAN URL share a band and see each other\'s edits live', async ({ baseURL, device }) => {
  test.skip(!baseURL, 'this machine has no non-loopback IPv4 address');
  test.setTimeout(420_000);
  const lan = new URL(baseURL!);
  const apiPort = Number((await apiUrl()).port);
  const opened: Device[] = [];
  await stopStack();
  const server = startLanDevServer(lan.hostname, lan.port);
  try {
    await waitForApp(`${lan.origin}/login`, server);
    expect(server.output()).toContain(`LAN mode: open this on a phone or tablet on the same network\n\n  ${lan.origin}\n`);
    expect(server.output()).toMatch(/WARNING: the dev server is reachable from this network\.\n[^]*are the well-known local development defaults/);
    const api = await apiUrl();
    expect(api.origin).toBe(`http://${lan.hostname}:${apiPort}`);
    // Warm-up: the dev server compiles a route on its first request; doing it here keeps the UI steps' waits short.
    for (const path of ['/signup', '/bands', `/bands/${crypto.randomUUID()}/songs`, `/bands/${crypto.randomUUID()}/members`, '/join/0000000000']) {
      await fetch(`${lan.origin}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(180_000) });
    }

    // Every device is kept as soon as it exists, so the clean-up below can close it before the stack goes away.
    const tracked = async (name: string) => {
      const opening = await device(name);
      opened.push(opening);
      return opening;
    };
    const { alice, bob } = await bandOfTwo(tracked, 'LAN Band');
    for (const { page } of [alice, bob]) expect(new URL(page.url()).origin).toBe(lan.origin);
    // The browser talks to Supabase at the LAN address (the CSP allows exactly that), never at 127.0.0.1.
    const sockets: string[] = [];
    alice.page.on('websocket', (socket) => sockets.push(socket.url()));
    const reloaded = await alice.page.reload();
    expect(reloaded!.headers()['content-security-policy']).toContain(`connect-src 'self' ${api.origin} ws://${api.host};`);
    await expectLive(alice.page);
    expect(sockets.filter((url) => url.includes('/realtime/v1/websocket'))).toEqual([expect.stringMatching(new RegExp(`^ws://${api.host}/realtime/v1/websocket`))]);

    await addSong(alice.page, { title: 'Phone Song', tempo: '100' });
    await expect(songRow(bob.page, 'Phone Song')).toBeVisible({ timeout: 10_000 });
    await saveEdit(await openEditor(bob.page, 'Phone Song'), { tempo: '140' });
    await expect(songRow(alice.page, 'Phone Song').locator('[data-field="tempo_bpm"]')).toHaveText('140 BPM', { timeout: 10_000 });
  } finally {
    await test.info().attach('npm run dev -- --lan output', { body: server.output(), contentType: 'text/plain' });
    tolerateOutage(...opened);
    await Promise.all(opened.map((d) => d.context.close()));
    if (server.child.exitCode === null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      process.kill(-server.child.pid!, 'SIGTERM');
      await exited;
    }
    // Back to the default, loopback-only stack for whatever runs next.
    await stopStack();
    await startStack();
  }
});

test('after LAN mode the restarted default stack is loopback-only again', async ({ baseURL }) => {
  test.skip(!baseURL, 'this machine has no non-loopback IPv4 address');
  const api = await apiUrl();
  expect(api.hostname).toBe('127.0.0.1');
  expect(await probe(new URL(baseURL!).hostname, Number(api.port))).toBe('ECONNREFUSED');
});
