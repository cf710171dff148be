import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, runCli, type TestProject } from '../helpers/project.ts';

/** The first non-loopback IPv4 address of this machine, the one a phone on the same network would use. */
const LAN_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

/** 'open' when something accepts a TCP connection on host:port, else the error code (ECONNREFUSED when nothing listens). */
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

function accessTokenIssuer(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iss: string }).iss;
}

describe.skipIf(!LAN_ADDRESS)('LAN mode (LOCALBASE_API_HOST)', () => {
  const lan = LAN_ADDRESS!;
  let project: TestProject;
  beforeAll(async () => {
    project = await createProject();
  });
  afterAll(() => project.dispose());

  it('by default nothing listens on the LAN address: neither the gateway nor PostgreSQL', async () => {
    const started = await project.cli('start');
    expect(started.code, started.stderr).toBe(0);
    expect(await probe('127.0.0.1', project.apiPort)).toBe('open');
    expect(await probe(lan, project.apiPort)).toBe('ECONNREFUSED');
    expect(await probe(lan, project.dbPort)).toBe('ECONNREFUSED');
    expect(JSON.parse((await project.cli('status', '-o', 'json')).stdout).API_URL).toBe(`http://127.0.0.1:${project.apiPort}`);
    expect((await project.cli('stop')).code).toBe(0);
  });

  it('with LOCALBASE_API_HOST the gateway also listens there, status announces that URL, tokens name it as issuer', async () => {
    const started = await runCli(project.root, ['start'], { LOCALBASE_API_HOST: lan });
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain(`Started API gateway on port ${project.apiPort} on 127.0.0.1 and ${lan}`);
    expect(started.stdout).toContain(`API URL: http://${lan}:${project.apiPort}`);
    expect(await probe(lan, project.apiPort)).toBe('open');
    expect(await probe('127.0.0.1', project.apiPort)).toBe('open');
    // PostgreSQL stays on loopback: only the gateway is meant for other devices.
    expect(await probe(lan, project.dbPort)).toBe('ECONNREFUSED');

    // status runs without the variable, as a later `npx localbase status` would, and still reports the LAN URL.
    const status = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
    const apiUrl = `http://${lan}:${project.apiPort}`;
    expect(status.API_URL).toBe(apiUrl);
    const signup = await fetch(`${apiUrl}/auth/v1/signup`, {
      method: 'POST',
      headers: { apikey: status.PUBLISHABLE_KEY!, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `lan-${Date.now()}@example.test`, password: 'lan-password-1' }),
    });
    expect(signup.status).toBe(200);
    const session = (await signup.json()) as { access_token: string };
    expect(accessTokenIssuer(session.access_token)).toBe(`${apiUrl}/auth/v1`);

    expect((await project.cli('stop')).code).toBe(0);
    expect(await probe(lan, project.apiPort)).toBe('ECONNREFUSED');
  });

  it('refuses an address this machine does not have, before starting anything', async () => {
    const result = await runCli(project.root, ['start'], { LOCALBASE_API_HOST: '198.51.100.77' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('198.51.100.77 is not an address of this machine');
    expect((await project.cli('status')).code).toBe(1);
  });
});
