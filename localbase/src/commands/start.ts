import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LocalbaseConfig } from '../config.ts';
import type { DaemonMessage } from '../daemon.ts';
import { inspectPgdata, localbasePaths, resolvePgdata } from '../db/data-dir.ts';
import { postgresRunAs } from '../db/os-user.ts';
import { orphanPid } from '../db/postgres-process.ts';
import { UserError } from '../shared/errors.ts';
import { apiKeys } from '../shared/keys.ts';
import { assertPortFree } from '../shared/processes.ts';
import { formatMs, formatStep } from '../shared/progress.ts';
import { clearRunFiles, daemonStatus } from '../stack-state.ts';
import { formatStatusBlock, statusVariables } from './output.ts';

const BIN = fileURLToPath(new URL('../../bin/localbase.mjs', import.meta.url));

export async function start(config: LocalbaseConfig): Promise<number> {
  const paths = localbasePaths(config);
  const status = daemonStatus(paths);
  if (status.kind === 'running') {
    console.log('localbase start is already running.');
    console.log('Run `npx localbase status` to show the status of the local stack.');
    return 0;
  }
  if (status.kind === 'stale') {
    console.log(`Removed a stale pid file (process ${status.pid} is not running; localbase was not stopped cleanly).`);
    clearRunFiles(paths);
  }
  // Checked here, before anything is spawned, so a bad data dir or a busy port is reported and left untouched.
  const pgdata = resolvePgdata(paths, postgresRunAs());
  inspectPgdata(pgdata, config.db.majorVersion);
  const orphan = orphanPid(pgdata);
  if (orphan !== undefined) {
    throw new UserError(`A PostgreSQL from an earlier localbase run (pid ${orphan}) is still using ${pgdata}.`, 'Run `npx localbase stop`, which stops it, then start again.');
  }
  await assertPortFree(config.db.port, '[db] port');
  for (const host of config.api.listenHosts) await assertPortFree(config.api.port, '[api] port', host);
  if (config.inbucket.enabled) await assertPortFree(config.inbucket.port, '[inbucket] port');
  const ready = await launchDaemon(config);
  const keys = await apiKeys(config);
  console.log(`Started localbase in ${formatMs(performance.now())} (${ready.cold ? 'cold start: new database' : 'warm start'}).`);
  console.log(formatStatusBlock(statusVariables(config, keys)));
  return 0;
}

function launchDaemon(config: LocalbaseConfig): Promise<{ cold: boolean }> {
  const paths = localbasePaths(config);
  mkdirSync(paths.logDir, { recursive: true });
  const log = openSync(paths.daemonLog, 'a');
  const child = spawn(process.execPath, [BIN, '__daemon'], {
    cwd: config.projectRoot,
    detached: true,
    stdio: ['ignore', log, log, 'ipc'],
    env: { ...process.env, LOCALBASE_DAEMON: '1' },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    child.on('message', (message: DaemonMessage) => {
      if (message.type === 'step') console.log(formatStep(message.step));
      else if (message.type === 'info') console.log(message.text);
      else if (message.type === 'ready') {
        settled = true;
        child.disconnect();
        child.unref();
        resolve({ cold: message.cold });
      } else {
        settled = true;
        reject(new UserError(message.message, message.fix));
      }
    });
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`The localbase background process exited (code ${code}) before it was ready; see ${paths.daemonLog}.`));
    });
  });
}
