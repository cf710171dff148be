import pg from 'pg';
import type { ServiceContext } from '../shared/context.ts';
import { superuserUrl } from '../db/postgres-process.ts';
import { RestError } from './errors.ts';
import { loadSchema, type SchemaCache } from './schema-load.ts';

export type { Column, DbFunction, ForeignKey, SchemaCache, Table } from './schema-load.ts';

export interface SchemaCacheHandle {
  /** The last loaded cache; PGRST002 (503) until a first load succeeds, as upstream answers while it retries. */
  current(): SchemaCache;
  reload(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * PostgREST's schema cache: read once from pg_catalog, reloaded on `NOTIFY pgrst, 'reload schema'` (or an empty
 * payload, as `[pgrst] src/PostgREST/Listener.hs`). The LISTEN connection is re-opened with backoff after a
 * PostgreSQL restart or `db reset`, and reloads on reconnect since notifications may have been missed meanwhile.
 * Nothing here may throw into the process: a failed load keeps the previous cache.
 */
export async function createSchemaCache(context: ServiceContext): Promise<SchemaCacheHandle> {
  const schemas = context.config.api.schemas;
  let cache: SchemaCache | undefined;
  let loading: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let backoff = 100;

  async function loadOnce(): Promise<void> {
    try {
      cache = await loadSchema(context.adminPool, schemas);
    } catch (error) {
      if (!closed) context.log(`rest: schema cache reload failed, keeping the previous one: ${(error as Error).message}`);
    }
  }

  function reload(): Promise<void> {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        await loadOnce();
      } while (again && !closed);
      loading = undefined;
    })();
    return loading;
  }

  function scheduleReconnect(): void {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void listen();
    }, backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }

  async function listen(): Promise<void> {
    if (closed) return;
    const client = new pg.Client({ connectionString: superuserUrl(context.config.db.port), connectionTimeoutMillis: 2_000 });
    let failed = false;
    const onFailure = () => {
      if (failed) return;
      failed = true;
      if (listener === client) listener = undefined;
      void client.end().catch(() => undefined);
      scheduleReconnect();
    };
    client.on('error', onFailure);
    client.on('end', onFailure);
    client.on('notification', (message) => {
      const payload = (message.payload ?? '').trim();
      if (message.channel === 'pgrst' && (payload === '' || payload === 'reload schema')) void reload();
    });
    try {
      await client.connect();
      await client.query('listen pgrst');
      if (closed) {
        await client.end();
        return;
      }
      listener = client;
      backoff = 100;
      await reload();
    } catch {
      onFailure();
    }
  }

  await listen();
  return {
    current() {
      if (!cache) throw new RestError(503, 'PGRST002', 'Could not query the database for the schema cache. Retrying.');
      return cache;
    },
    reload,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const client = listener;
      listener = undefined;
      if (client) {
        client.removeAllListeners('end');
        await client.end().catch(() => undefined);
      }
      await loading;
    },
  };
}

/** "Perhaps you meant the table …" (`[pgrst] Error.hs` uses a fuzzy set; edit distance is close enough). */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}
