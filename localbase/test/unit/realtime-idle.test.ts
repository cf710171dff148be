import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/realtime/channel.ts';
import type { Hub } from '../../src/realtime/hub.ts';
import { OutboundBudget } from '../../src/realtime/outbound.ts';
import { Connection } from '../../src/realtime/socket.ts';

// A real ws server and client; the Connection gets a hub that only logs (no channel is joined here).

const servers: WebSocketServer[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function serve(idleTimeoutMs: number): Promise<string> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(server);
  const hub = { log: () => undefined, outbound: new OutboundBudget() } as unknown as Hub<Channel>;
  server.on('connection', (ws) => new Connection(ws, '2.0.0', 'token', hub, idleTimeoutMs));
  await once(server, 'listening');
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('realtime idle sockets', () => {
  it('closes a socket that sends nothing for the idle timeout', async () => {
    const client = new WebSocket(await serve(150));
    await once(client, 'open');
    const started = Date.now();
    await once(client, 'close');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('keeps a socket that heartbeats open past the timeout', async () => {
    const client = new WebSocket(await serve(150));
    await once(client, 'open');
    const beat = setInterval(() => client.send(JSON.stringify([null, '1', 'phoenix', 'heartbeat', {}])), 50);
    await new Promise((resolve) => setTimeout(resolve, 500));
    clearInterval(beat);
    expect(client.readyState).toBe(WebSocket.OPEN);
    client.close();
  });
});
