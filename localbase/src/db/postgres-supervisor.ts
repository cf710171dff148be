import { startPostgres, type PostgresOptions, type RunningPostgres } from './postgres-process.ts';

export interface SupervisorHooks {
  log(line: string): void;
  /** PostgreSQL could not be brought back; the caller shuts down (and says so). */
  onGiveUp(reason: string): void;
}

export interface SupervisedPostgres {
  /** The current postmaster's pid, which changes after a restart. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/** Delays before each restart attempt; a killed postmaster's backends need a moment to notice and exit. */
const RESTART_DELAYS_MS = [250, 1000, 2000, 5000, 10_000];
/** More crashes than this within CRASH_WINDOW_MS is a crash loop: stop instead of hiding it. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 5 * 60_000;

/**
 * Keeps PostgreSQL up for the life of the daemon, as a container's restart policy does for `supabase start`: a
 * postmaster that dies (OOM killer, `kill -9`, an immediate shutdown) is started again on the same data dir and port,
 * and the API services reconnect by themselves (pools replace dead clients, the REST schema listener and the Realtime
 * replication stream retry with backoff and tell their subscribers). The first start is not retried: a failure there
 * is the user's to see.
 */
export async function supervisePostgres(options: PostgresOptions, hooks: SupervisorHooks): Promise<SupervisedPostgres> {
  let current: RunningPostgres = await startPostgres(options);
  let stopping = false;
  const crashes: number[] = [];

  const watch = (running: RunningPostgres) => {
    running.child.once('exit', (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && now - crashes[0]! > CRASH_WINDOW_MS) crashes.shift();
      const how = `code ${code}, signal ${signal}`;
      if (crashes.length > MAX_CRASHES) {
        hooks.onGiveUp(`PostgreSQL exited unexpectedly (${how}) ${crashes.length} times in 5 minutes; not restarting it again. See ${options.logFile}.`);
        return;
      }
      hooks.log(`PostgreSQL exited unexpectedly (${how}); restarting it.`);
      void restart();
    });
  };

  const restart = async () => {
    let lastError = '';
    for (const delay of RESTART_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopping) return;
      try {
        current = await startPostgres(options);
        hooks.log(`PostgreSQL is back on port ${options.port} (pid ${current.child.pid}).`);
        watch(current);
        return;
      } catch (error) {
        lastError = (error as Error).message;
        hooks.log(`PostgreSQL restart failed: ${lastError}`);
      }
    }
    hooks.onGiveUp(`PostgreSQL exited and could not be restarted: ${lastError}. See ${options.logFile}.`);
  };

  watch(current);
  return {
    pid: () => current.child.pid,
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}
