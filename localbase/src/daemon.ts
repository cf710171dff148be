import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { startApi, type RunningApi } from './api.ts';
import { loadConfig } from './config.ts';
import { bootstrapDatabase } from './db/bootstrap.ts';
import { pgBinaries } from './db/binaries.ts';
import { initialiseCluster, inspectPgdata, localbasePaths, resolvePgdata } from './db/data-dir.ts';
import { postgresRunAs } from './db/os-user.ts';
import { supervisePostgres, type SupervisedPostgres } from './db/postgres-supervisor.ts';
import { UserError } from './shared/errors.ts';
import { timed, type Step } from './shared/progress.ts';
import { clearRunFiles, writeState } from './stack-state.ts';

/** Messages from the background process to the `start` command that launched it (Node IPC). */
export type DaemonMessage =
  | { type: 'step'; step: Step }
  | { type: 'info'; text: string }
  | { type: 'ready'; cold: boolean }
  | { type: 'failed'; message: string; fix?: string };

const send = (message: DaemonMessage) => {
  // The launching CLI may already be gone; the daemon keeps running regardless.
  if (process.connected) process.send?.(message);
};

/**
 * The long-running side of `localbase start`: owns PostgreSQL and the API gateway (Auth, REST, Realtime) until SIGTERM.
 * Runs detached with cwd = the project root; logs go to .localbase/logs/localbase.log.
 */
export async function runDaemon(): Promise<void> {
  const config = loadConfig();
  const paths = localbasePaths(config);
  mkdirSync(paths.logDir, { recursive: true });
  writeFileSync(paths.pidFile, `${process.pid}\n`);
  const report = { step: (step: Step) => send({ type: 'step', step }), info: (text: string) => send({ type: 'info', text }) };
  const runAs = postgresRunAs();
  const pgdata = resolvePgdata(paths, runAs);
  const cold = inspectPgdata(pgdata, config.db.majorVersion) === 'empty';
  let postgres: SupervisedPostgres | undefined;
  let api: RunningApi | undefined;
  const shutdown = async (code: number) => {
    await api?.close().catch(() => undefined);
    await postgres?.stop();
    clearRunFiles(paths);
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));
  try {
    const binaries = await pgBinaries(runAs, report);
    if (cold) await timed(`Initialised database cluster in ${pgdata}`, report.step, () => initialiseCluster(pgdata, runAs, binaries));
    postgres = await timed(`Started PostgreSQL ${config.db.majorVersion} on port ${config.db.port}`, report.step, () =>
      supervisePostgres(
        { pgdata, port: config.db.port, runAs, logFile: paths.postgresLog, binaries },
        {
          log: (line) => console.error(line),
          onGiveUp: (reason) => {
            console.error(reason);
            void shutdown(1);
          },
        },
      ),
    );
    // A cold start that fails after initdb keeps its cluster (migrations that ran stay applied, as documented), and
    // this marker makes the next successful start run the seed that the failed one never reached.
    if (cold) writeFileSync(paths.seedPendingFile, '');
    await bootstrapDatabase(config, existsSync(paths.seedPendingFile), report);
    rmSync(paths.seedPendingFile, { force: true });
    const where = config.api.listenHosts.length > 1 ? ` on ${config.api.listenHosts.join(' and ')}` : '';
    api = await timed(`Started API gateway on port ${config.api.port}${where} (auth, rest, realtime)`, report.step, () => startApi(config));
    const { port: apiPort, externalUrl: apiUrl } = config.api;
    writeState(paths, { pid: process.pid, startedAt: new Date().toISOString(), dbPort: config.db.port, apiPort, apiUrl });
    send({ type: 'ready', cold });
    process.disconnect?.();
  } catch (error) {
    const userError = error instanceof UserError ? error : undefined;
    console.error(error);
    send({ type: 'failed', message: userError?.message ?? (error as Error).message, fix: userError?.fix ?? `See ${paths.daemonLog} for details.` });
    await api?.close().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    clearRunFiles(paths);
    process.exit(1);
  }
}
