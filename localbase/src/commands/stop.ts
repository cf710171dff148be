import { rmSync } from 'node:fs';
import type { LocalbaseConfig } from '../config.ts';
import { localbasePaths, resolvePgdata } from '../db/data-dir.ts';
import { postgresRunAs } from '../db/os-user.ts';
import { stopOrphan } from '../db/postgres-process.ts';
import { waitForExit } from '../shared/processes.ts';
import { clearRunFiles, daemonStatus } from '../stack-state.ts';

export async function stop(config: LocalbaseConfig, options: { noBackup: boolean }): Promise<number> {
  const paths = localbasePaths(config);
  const status = daemonStatus(paths);
  let stopped = false;
  if (status.kind === 'running') {
    process.kill(status.pid, 'SIGTERM');
    if (!(await waitForExit(status.pid, 30_000))) {
      console.error(`localbase (pid ${status.pid}) did not stop within 30 s; it is still running.`);
      return 1;
    }
    stopped = true;
  }
  clearRunFiles(paths);
  // A PostgreSQL orphaned by a killed localbase would otherwise keep the port and the data dir locked.
  if (await stopOrphan(resolvePgdata(paths, postgresRunAs()))) stopped = true;
  if (options.noBackup) {
    rmSync(resolvePgdata(paths, postgresRunAs()), { recursive: true, force: true });
    rmSync(paths.dataDir, { recursive: true, force: true });
    console.log(stopped ? 'Stopped localbase and deleted its local data.' : 'Deleted the local data of localbase.');
    return 0;
  }
  if (!stopped) {
    console.log('localbase is not running.');
    return 0;
  }
  console.log('Stopped localbase. Local data is kept in .localbase/; `npx localbase stop --no-backup` deletes it.');
  return 0;
}
