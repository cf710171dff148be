import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** PostgreSQL refuses to run as root, so as root we run it as the `postgres` OS user (created when missing). */
export interface RunAs {
  uid?: number;
  gid?: number;
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export function postgresRunAs(): RunAs {
  if (!isRoot()) return {};
  const ids = lookup();
  if (ids) return ids;
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'pipe' });
  const created = lookup();
  if (!created) throw new Error('Could not create the `postgres` OS user that PostgreSQL needs when localbase runs as root.');
  return created;
}

function lookup(): Required<RunAs> | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** True when `runAs` may walk down to `path` (every ancestor searchable by that user). */
export function canTraverse(path: string, runAs: RunAs): boolean {
  if (runAs.uid === undefined) {
    try {
      accessSync(dirname(path), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    let st;
    try {
      st = statSync(dir);
    } catch {
      // Not created yet: it will be created by root with the default mode, which others may search.
      if (dirname(dir) === dir) return true;
      continue;
    }
    const searchable = st.uid === runAs.uid ? st.mode & 0o100 : st.gid === runAs.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!searchable) return false;
    if (dirname(dir) === dir) return true;
  }
}
