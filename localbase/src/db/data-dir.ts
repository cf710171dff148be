import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { LocalbaseConfig } from '../config.ts';
import { UserError } from '../shared/errors.ts';
import type { PgBinaries } from './binaries.ts';
import { canTraverse, type RunAs } from './os-user.ts';

const run = promisify(execFile);

/** Password of the `postgres` superuser, as in the Supabase CLI's DB_URL. */
export const DB_PASSWORD = 'postgres';

export interface Paths {
  dataDir: string;
  pgdataLink: string;
  logDir: string;
  pidFile: string;
  stateFile: string;
  postgresLog: string;
  daemonLog: string;
  seedPendingFile: string;
}

export function localbasePaths(config: LocalbaseConfig): Paths {
  const { dataDir } = config;
  return {
    dataDir,
    pgdataLink: join(dataDir, 'db'),
    logDir: join(dataDir, 'logs'),
    pidFile: join(dataDir, 'localbase.pid'),
    stateFile: join(dataDir, 'state.json'),
    postgresLog: join(dataDir, 'logs', 'postgres.log'),
    daemonLog: join(dataDir, 'logs', 'localbase.log'),
    seedPendingFile: join(dataDir, 'seed-pending'),
  };
}

/**
 * `.localbase/db` normally is the cluster. When the `postgres` OS user cannot reach the project (a checkout under
 * /root, say) the cluster lives under /var/lib/localbase and `.localbase/db` is a symlink to it.
 */
export function resolvePgdata(paths: Paths, runAs: RunAs): string {
  const link = lstatSync(paths.pgdataLink, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) return resolve(paths.dataDir, readlinkSync(paths.pgdataLink));
  if (link) return realpathSync(paths.pgdataLink);
  if (canTraverse(paths.pgdataLink, runAs)) return paths.pgdataLink;
  const hash = createHash('sha1').update(paths.dataDir).digest('hex').slice(0, 12);
  const outside = join('/var/lib/localbase', hash, 'db');
  mkdirSync(paths.dataDir, { recursive: true });
  symlinkSync(outside, paths.pgdataLink);
  return outside;
}

export type ClusterState = 'empty' | 'ready';

/** Refuses, without touching it, a data dir that is not a PostgreSQL cluster of the expected major version. */
export function inspectPgdata(pgdata: string, majorVersion: number): ClusterState {
  if (!existsSync(pgdata)) return 'empty';
  const fix = 'Move .localbase/ aside to keep it, or delete it to start with an empty database (this deletes local data).';
  if (!lstatSync(pgdata).isDirectory()) throw new UserError(`${pgdata} is not a directory, so it cannot hold the database.`, fix);
  if (readdirSync(pgdata).length === 0) return 'empty';
  const versionFile = join(pgdata, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    throw new UserError(`${pgdata} is not a PostgreSQL data directory (it has no PG_VERSION file): it is corrupt or belongs to another tool.`, fix);
  }
  const version = readFileSync(versionFile, 'utf8').trim();
  if (version !== String(majorVersion)) {
    throw new UserError(
      `${pgdata} was created by PostgreSQL ${version}, but localbase runs PostgreSQL ${majorVersion} ([db] major_version).`,
      `Dump what you need with pg_dump, then ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
    );
  }
  if (!existsSync(join(pgdata, 'global', 'pg_control'))) {
    throw new UserError(`${pgdata} is damaged: global/pg_control is missing, so PostgreSQL cannot start from it.`, fix);
  }
  return 'ready';
}

export async function initialiseCluster(pgdata: string, runAs: RunAs, { initdb }: PgBinaries): Promise<void> {
  // Parents must stay searchable by the `postgres` OS user; only the cluster itself is private.
  mkdirSync(dirname(pgdata), { recursive: true, mode: 0o755 });
  mkdirSync(pgdata, { mode: 0o700 });
  const pwfile = join(tmpdir(), `localbase-pw-${process.pid}-${Date.now()}`);
  writeFileSync(pwfile, `${DB_PASSWORD}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) {
    chownSync(pgdata, runAs.uid, runAs.gid!);
    chownSync(pwfile, runAs.uid, runAs.gid!);
  }
  try {
    await run(
      initdb,
      [
        `--pgdata=${pgdata}`,
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // The builtin provider gives Unicode-aware C.UTF-8 behaviour on every OS, with no dependency on system locales.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
        '--no-instructions',
      ],
      // cwd: the project may be a directory the `postgres` OS user cannot enter.
      { ...runAs, cwd: '/', env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    rmSync(pgdata, { recursive: true, force: true });
    // A spawn failure (EACCES, ENOENT) has no output: its message is the reason.
    const { stderr, stdout, message } = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`initdb failed: ${stderr?.trim() || stdout?.trim() || message}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}
