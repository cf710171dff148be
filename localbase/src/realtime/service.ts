import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { resilientPool } from '../db/pg-connections.ts';
import { superuserUrl } from '../db/postgres-process.ts';
import { rewriteQueryApikey } from '../gateway/keys.ts';
import type { ServiceContext } from '../shared/context.ts';
import { json, type Handler } from '../shared/http.ts';
import { TokenError, verifyRealtimeToken } from './auth.ts';
import { broadcastToTopic, handleBroadcastRequest } from './broadcast.ts';
import type { DatabaseBroadcast } from './db-broadcast.ts';
import { parseVsn } from './frames.ts';
import type { Channel } from './channel.ts';
import { Hub } from './hub.ts';
import { OutboundBudget } from './outbound.ts';
import { PostgresChanges } from './postgres-changes.ts';
import { readRealtimeLimits, RealtimeLimiter } from './limits.ts';
import { Connection, IDLE_TIMEOUT_MS } from './socket.ts';

export interface RealtimeService {
  handler: Handler;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, path: string): void;
  close(): Promise<void>;
}

/**
 * How long shutdown waits for peers to answer the close frame. `ws` itself waits 30 s for a peer that never does
 * (a frozen tab, a dead network), and the socket would hold `stop` up that long.
 */
const CLOSE_GRACE_MS = 1_000;

/**
 * Incoming frames above this are refused by `ws` (close 1009), as RT's endpoint sets `max_frame_size: 5_000_000`;
 * payloads under it but over the payload limit get RT's payload error (limits.ts). Outgoing pressure: socket.ts.
 */
const MAX_INCOMING_FRAME_BYTES = 5_000_000;

/** Supabase Realtime behind `/realtime/v1`: the Phoenix socket at `/websocket` and the broadcast REST API. */
export function createRealtimeService(context: ServiceContext): RealtimeService {
  // Its own small superuser pool: RLS checks impersonate each subscriber with set_config('role', ...) per transaction.
  const pool = resilientPool({ connectionString: superuserUrl(context.config.db.port), max: 4 });
  // The hub is created next; database broadcasts only arrive once the feed runs, which needs a joined channel.
  const relay = (broadcast: DatabaseBroadcast) => broadcastToTopic(hub, broadcast.serverTopic, broadcast.message);
  const outbound = new OutboundBudget();
  const changes = new PostgresChanges(pool, superuserUrl(context.config.db.port), context.log, relay, outbound);
  const hub = new Hub<Channel>(context.keys, context.clock, pool, changes, context.log, outbound);
  const limiter = new RealtimeLimiter(readRealtimeLimits(), context.clock);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_INCOMING_FRAME_BYTES });
  const connections = new Set<Connection>();
  let closing = false;

  /** RT `user_socket.ex` `connect/3`: `x-api-key` header first, then `?apikey=`; `sb_` keys mapped as Kong maps them. */
  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, path: string): Promise<void> {
    socket.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (closing || (path !== '/websocket' && path !== '/socket/websocket')) return refuse(socket, 404, { message: 'no Route matched with those values' });
    const header = req.headers['x-api-key'] ?? req.headers.apikey;
    const raw = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('apikey');
    const token = rewriteQueryApikey(raw, context.keys);
    try {
      await verifyRealtimeToken(token, context.keys.jwtSecret, context.clock);
    } catch (error) {
      // RT `user_socket.ex` `error_response`: 401 with a JSON `error`; never a bare 403.
      if (error instanceof TokenError) return refuse(socket, 401, { error: error.message });
      return refuse(socket, 500, { error: 'Error connecting to Realtime' });
    }
    // RT `user_socket.ex` `connect` runs `tenant_rate_limiters.ex` after the token: 429 with its message.
    const overLimit = limiter.refuseConnect();
    if (overLimit) return refuse(socket, 429, { error: overLimit });
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(ws, parseVsn(url.searchParams.get('vsn')), token!, hub, IDLE_TIMEOUT_MS, limiter);
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
    });
  }

  const handler: Handler = async (request) => {
    const response = await handleBroadcastRequest(context, hub, limiter, request);
    return response ?? json(404, { message: 'Not Found' });
  };

  return {
    handler,
    upgrade: (req, socket, head, path) => void upgrade(req, socket, head, path).catch(() => socket.destroy()),
    async close() {
      closing = true;
      for (const connection of connections) connection.close();
      connections.clear();
      await endSockets(wss);
      await changes.close();
      await pool.end().catch(() => undefined);
    },
  };
}

function refuse(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const reasons: Record<number, string> = { 401: 'Unauthorized', 404: 'Not Found', 429: 'Too Many Requests' };
  const reason = reasons[status] ?? 'Internal Server Error';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}

async function endSockets(wss: WebSocketServer): Promise<void> {
  const deadline = Date.now() + CLOSE_GRACE_MS;
  while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const ws of wss.clients) ws.terminate();
  await new Promise((resolve) => wss.close(resolve));
}
