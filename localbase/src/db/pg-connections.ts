import pg from 'pg';

/**
 * PostgreSQL can vanish under a running daemon (OOM killer, `kill -9`, `db reset` terminating backends), and pg then
 * emits `'error'` on every client whose connection died. An `'error'` nobody listens to kills the process, so every
 * pool and client localbase opens comes from here. The listeners only swallow the event: the query in flight rejects
 * with the same error and carries the failure to its caller.
 */
const ignore = () => undefined;

export function resilientPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  // An idle client's error: pg-pool drops the client and re-emits on the pool.
  pool.on('error', ignore);
  // pg-pool takes its own listener off a client while it is checked out (`_acquireClient`), so a connection that dies
  // mid-query would emit an unhandled `'error'`. This listener stays for the client's life; release() then drops the
  // client because it is no longer queryable.
  pool.on('connect', (client) => client.on('error', ignore));
  return pool;
}

export function resilientClient(config: pg.ClientConfig): pg.Client {
  const client = new pg.Client(config);
  client.on('error', ignore);
  return client;
}
