import { localbasePaths } from '../db/data-dir.ts';
import { fail, ok, type Check, type Outcome } from './check.ts';
import { apiUrl, need, NETWORK_TIMEOUT_MS, type DoctorContext } from './context.ts';
import { handshake, PhoenixClient } from './websocket.ts';

const RESTART = 'npx localbase stop && npx localbase start';
const DOCTOR_TOPIC = 'realtime:localbase-doctor';

export function networkChecks(ctx: DoctorContext): Check[] {
  const layer = 'network' as const;
  return [
    { layer, name: 'gateway', gate: true, run: () => checkGateway(ctx) },
    { layer, name: 'REST', run: () => checkRest(ctx) },
    { layer, name: 'Realtime handshake (publishable key)', run: () => checkHandshake(ctx, 'publishable') },
    { layer, name: 'Realtime handshake (anon JWT)', run: () => checkHandshake(ctx, 'anon') },
    { layer, name: 'Realtime channel', run: () => checkChannel(ctx) },
    { layer, name: 'Realtime replication', run: () => checkReplication(ctx) },
  ];
}

function seeLog(ctx: DoctorContext): string {
  return `See ${localbasePaths(need(ctx.config, 'config')).daemonLog}, then run \`${RESTART}\`.`;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) });
  return { status: response.status, body: (await response.text()).slice(0, 300) };
}

function networkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function checkGateway(ctx: DoctorContext): Promise<Outcome> {
  const url = `${apiUrl(need(ctx.config, 'config'))}/auth/v1/health`;
  try {
    const { status, body } = await get(url);
    if (status === 200) return ok(`GET ${url} → 200`);
    return fail(`GET ${url} → ${status} ${body}: the gateway answers, but Auth does not report healthy.`, seeLog(ctx));
  } catch (error) {
    return fail(`GET ${url} failed (${networkError(error)}): nothing serves the API on port ${need(ctx.config, 'config').api.port}.`, seeLog(ctx));
  }
}

async function checkRest(ctx: DoctorContext): Promise<Outcome> {
  const url = `${apiUrl(need(ctx.config, 'config'))}/rest/v1/`;
  const key = need(ctx.keys, 'keys').publishableKey;
  try {
    const { status, body } = await get(url, { apikey: key });
    if (status === 200) return ok(`GET /rest/v1/ with the publishable key → 200`);
    return fail(`GET /rest/v1/ with the publishable key → ${status} ${body}`, seeLog(ctx));
  } catch (error) {
    return fail(`GET ${url} failed: ${networkError(error)}`, seeLog(ctx));
  }
}

/** realtime-js sends `?apikey=<key>&vsn=…`; a publishable key must be mapped to the anon JWT, never refused. */
async function checkHandshake(ctx: DoctorContext, kind: 'publishable' | 'anon'): Promise<Outcome> {
  const config = need(ctx.config, 'config');
  const keys = need(ctx.keys, 'keys');
  const key = kind === 'publishable' ? keys.publishableKey : keys.anonKey;
  const path = '/realtime/v1/websocket';
  const url = `${apiUrl(config).replace(/^http/, 'ws')}${path}?apikey=${encodeURIComponent(key)}&vsn=1.0.0`;
  const shown = `${path}?apikey=${kind === 'publishable' ? key : '<anon JWT>'}&vsn=1.0.0`;
  const result = await handshake(url, NETWORK_TIMEOUT_MS);
  if (result.kind === 'open') {
    if (kind === 'publishable' && !ctx.realtime) ctx.realtime = new PhoenixClient(result.socket);
    else result.socket.terminate();
    return ok(`${shown} → 101 Switching Protocols`);
  }
  if (result.kind === 'error') return fail(`${shown}: the connection failed (${result.error}).`, seeLog(ctx));
  const why =
    result.status === 403 && kind === 'publishable'
      ? 'a Realtime that wants a JWT received the opaque sb_publishable_ key: nothing in front of it maps the key to the anon JWT'
      : result.status === 401
        ? 'Realtime rejected the token (MalformedJWT, bad signature or expired): the stack may have been started with another jwt_secret'
        : result.status === 404
          ? `no Realtime route: is another server listening on port ${config.api.port}?`
          : 'Realtime refused the connection';
  return fail(`${shown} → ${result.status} ${result.body}: ${why}.`, seeLog(ctx));
}

/** A public channel joined as anon (no access_token), then a heartbeat: the round trip realtime-js makes every 25 s. */
async function checkChannel(ctx: DoctorContext): Promise<Outcome> {
  const client = ctx.realtime;
  if (!client) return fail('no WebSocket to join over: the publishable-key handshake failed above.', 'Fix the handshake first.');
  // Bound to one published table, so Realtime starts its replication feed, which the next check waits for.
  // A binding that matches no published table is refused (as upstream), so with none there is nothing to bind.
  const [table] = (
    await need(ctx.db, 'database').query<{ schema: string; table: string }>(
      "select schemaname as schema, tablename as table from pg_publication_tables where pubname = 'supabase_realtime' order by 1, 2 limit 1",
    )
  ).rows;
  ctx.realtimeBinding = table ? `${table.schema}.${table.table}` : undefined;
  const config = {
    broadcast: { self: false, ack: false },
    presence: { key: '', enabled: false },
    postgres_changes: table ? [{ event: '*', schema: table.schema, table: table.table }] : [],
    private: false,
  };
  const joinRef = client.push(DOCTOR_TOPIC, 'phx_join', { config });
  const joined = await client.waitFor((f) => f.event === 'phx_reply' && f.ref === joinRef, NETWORK_TIMEOUT_MS);
  if (!joined) return fail(`no phx_reply to phx_join on ${DOCTOR_TOPIC} within ${NETWORK_TIMEOUT_MS / 1000} s.`, seeLog(ctx));
  if (joined.payload.status !== 'ok') return fail(`phx_join on ${DOCTOR_TOPIC} was refused: ${JSON.stringify(joined.payload.response)}`, seeLog(ctx));
  const beatRef = client.push('phoenix', 'heartbeat', {});
  const beat = await client.waitFor((f) => f.event === 'phx_reply' && f.ref === beatRef, NETWORK_TIMEOUT_MS);
  if (!beat || beat.payload.status !== 'ok') return fail(`no ok reply to a heartbeat within ${NETWORK_TIMEOUT_MS / 1000} s: realtime-js would drop and reconnect the socket.`, seeLog(ctx));
  return ok(`phx_join ${DOCTOR_TOPIC} → ok, heartbeat → ok`);
}

/** The `system` frame realtime-js turns into SUBSCRIBED for postgres_changes: the replication feed is live. */
async function checkReplication(ctx: DoctorContext): Promise<Outcome> {
  const client = ctx.realtime;
  if (!client) return fail('no channel to listen on: the checks above failed.', 'Fix the handshake first.');
  const binding = ctx.realtimeBinding;
  if (!binding) {
    client.close();
    return ok('not exercised: no table is in publication supabase_realtime yet (see "realtime tables" below)');
  }
  try {
    const system = await client.waitFor((f) => f.event === 'system' && f.payload.extension !== undefined, NETWORK_TIMEOUT_MS * 2);
    if (!system) {
      return fail(`joined, but no "Subscribed to PostgreSQL" for ${binding} within 10 s: Realtime cannot start streaming from the replication slot, so postgres_changes stay silent.`, seeLog(ctx));
    }
    if (system.payload.status !== 'ok') return fail(`Realtime answered the postgres_changes binding on ${binding} with an error: ${String(system.payload.message)}`, seeLog(ctx));
    return ok(`postgres_changes on ${binding}: ${String(system.payload.message)}`);
  } finally {
    client.close();
  }
}
