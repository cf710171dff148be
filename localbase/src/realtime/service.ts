import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { superuserUrl } from '../db/postgres-process.ts';
import { rewriteQueryApikey } from '../gateway/keys.ts';
import type { ServiceContext } from '../shared/context.ts';
import { json, type Handler } from '../shared/http.ts';
import { TokenError, verifyRealtimeToken } from './auth.ts';
import { broadcastToTopic, handleBroadcastRequest } from './broadcast.ts';
import type { DatabaseBroadcast } from './db-broadcast.ts';
import { parseVsn } from './frames.ts';
import { Hub } from './hub.ts';
import { OutboundBudget } from './outbound.ts';
import { PostgresChanges } from './postgres-changes.ts';
import { Connection } from './socket.ts';

export interface RealtimeService {
  handler: Handler;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, path: string): void;
  close(): Promise<void>;
}

/** Incoming frames above this are refused by `ws` (close 1009); outgoing pressure is bounded in socket.ts. */
const MAX_INCOMING_FRAME_BYTES = 3 * 1024 * 1024;

/** Supabase Realtime behind `/realtime/v1`: the Phoenix socket at `/websocket` and the broadcast REST API. */
export function createRealtimeService(context: ServiceContext): RealtimeService {
  // Its own small superuser pool: RLS checks impersonate each subscriber with set_config('role', ...) per transaction.
  const pool = new pg.Pool({ connectionString: superuserUrl(context.config.db.port), max: 4 });
  pool.on('error', () => undefined);
  // The hub is created next; database broadcasts only arrive once the feed runs, which needs a joined channel.
  const relay = (broadcast: DatabaseBroadcast) => broadcastToTopic(hub, broadcast.serverTopic, broadcast.message);
  const outbound = new OutboundBudget();
  const changes = new PostgresChanges(pool, superuserUrl(context.config.db.port), context.log, relay, outbound);
  const hub = new Hub(context.keys, context.clock, pool, changes, context.log, outbound);
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
      // Spec section 3 "Handshake (HTTP) errors": 401 with a JSON `error`; never a bare 403.
      if (error instanceof TokenError) return refuse(socket, 401, { error: error.message });
      return refuse(socket, 500, { error: 'Error connecting to Realtime' });
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(ws, parseVsn(url.searchParams.get('vsn')), token!, hub);
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
    });
  }

  const handler: Handler = async (request) => {
    const response = await handleBroadcastRequest(context, hub, request);
    return response ?? json(404, { message: 'Not Found' });
  };

  return {
    handler,
    upgrade: (req, socket, head, path) => void upgrade(req, socket, head, path).catch(() => socket.destroy()),
    async close() {
      closing = true;
      for (const connection of connections) connection.close();
      connections.clear();
      wss.close();
      await changes.close();
      await pool.end().catch(() => undefined);
    },
  };
}

function refuse(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const reason = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Internal Server Error';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}
