import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { UserError } from './errors.ts';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a live process, so a recycled pid is not mistaken for ours. */
export function commandLine(pid: number): string {
  const proc = `/proc/${pid}/cmdline`;
  if (existsSync(proc)) return readFileSync(proc, 'utf8').replaceAll('\0', ' ');
  try {
    return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8', stdio: 'pipe' });
  } catch {
    return '';
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

export async function assertPortFree(port: number, setting: string, host = '127.0.0.1'): Promise<void> {
  const code = await new Promise<string | undefined>((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'EUNKNOWN'));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
  if (code === 'EADDRINUSE') {
    throw new UserError(
      `Port ${port} (${setting} in supabase/config.toml) is already in use by another process.`,
      `Stop that process (\`ss -ltnp 'sport = :${port}'\` shows it), or choose a free port for ${setting}.`,
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    throw new UserError(`${host} is not an address of this machine, so the gateway cannot listen there.`, 'Pick one that `hostname -I` lists.');
  }
  if (code) throw new UserError(`Cannot listen on ${host}:${port} (${setting}): ${code}.`, `Choose another port for ${setting}.`);
}
