import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const BIN = fileURLToPath(new URL('../../bin/localbase.mjs', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestProject {
  root: string;
  dbPort: number;
  apiPort: number;
  /** The mail catcher's port (`[inbucket] port`). */
  mailPort: number;
  dbUrl: string;
  /** The config.toml the project was created with. */
  configToml: string;
  cli(...args: string[]): Promise<CliResult>;
  writeMigration(file: string, sql: string): void;
  writeSeed(sql: string): void;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Stops the stack and deletes the project folder. */
  dispose(): Promise<void>;
}

/** Ports this process handed out: the kernel may hand a just-closed port out again, and two services of one stack must not share one. */
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

export function runCli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Rate limits high enough for a suite that signs up hundreds of users from 127.0.0.1 in a minute; the rate-limit
 * tests start their own project with low ones (`extraToml`).
 */
export const GENEROUS_RATE_LIMITS = '[auth.rate_limit]\nemail_sent = 100000\nsign_in_sign_ups = 100000\ntoken_verifications = 100000\ntoken_refresh = 100000\n';

/** A throwaway project folder with its own supabase/config.toml on free ports, so test files run in parallel. */
export async function createProject(
  options: {
    migrations?: Record<string, string>;
    seed?: string;
    extraToml?: string;
    rateLimits?: string;
    /** Extra files by path relative to the project root, e.g. mail templates. */
    files?: Record<string, string>;
  } = {},
): Promise<TestProject> {
  const root = mkdtempSync(join(tmpdir(), 'localbase-test-'));
  const dbPort = await freePort();
  const apiPort = await freePort();
  const mailPort = await freePort();
  mkdirSync(join(root, 'supabase', 'migrations'), { recursive: true });
  const configToml = [
    `project_id = "test"\n\n[api]\nport = ${apiPort}\n\n[db]\nport = ${dbPort}\nmajor_version = 17\n`,
    `[inbucket]\nport = ${mailPort}\n`,
    options.rateLimits ?? GENEROUS_RATE_LIMITS,
    options.extraToml ?? '',
  ].join('\n');
  writeFileSync(join(root, 'supabase', 'config.toml'), configToml);
  const project: TestProject = {
    root,
    dbPort,
    apiPort,
    mailPort,
    configToml,
    dbUrl: `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`,
    cli: (...args) => runCli(root, args),
    writeMigration: (file, sql) => writeFileSync(join(root, 'supabase', 'migrations', file), sql),
    writeSeed: (sql) => writeFileSync(join(root, 'supabase', 'seed.sql'), sql),
    async query(sql, params) {
      const client = new pg.Client({ connectionString: project.dbUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async dispose() {
      await runCli(root, ['stop', '--no-backup']);
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [file, sql] of Object.entries(options.migrations ?? {})) project.writeMigration(file, sql);
  for (const [file, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  if (options.seed !== undefined) project.writeSeed(options.seed);
  return project;
}
