import type { Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { createAuthService } from './auth/service.ts';
import type { LocalbaseConfig } from './config.ts';
import { createGateway } from './gateway/server.ts';
import { startMailCatcher } from './mail/server.ts';
import { createRealtimeService } from './realtime/service.ts';
import { createRestService } from './rest/service.ts';
import { closeServiceContext, createServiceContext } from './shared/context.ts';

export interface RunningApi {
  close(): Promise<void>;
}

/** Auth, REST and Realtime behind the gateway on `[api] port`, in the daemon's process. */
export async function startApi(config: LocalbaseConfig): Promise<RunningApi> {
  const context = await createServiceContext(config);
  const rest = await createRestService(context);
  const realtime = createRealtimeService(context);
  const server: Server = createGateway(
    context,
    { auth: createAuthService(context), rest: rest.handler, realtime: realtime.handler, upgrade: realtime.upgrade },
    { logRequests: process.env.LOCALBASE_LOG_REQUESTS === '1' },
  );
  const [loopback, ...lan] = config.api.listenHosts;
  await listen(server, config.api.port, loopback!);
  // The mail catcher shares the daemon (and the mailbox) with Auth, as the CLI's Mailpit shares its network with GoTrue.
  const mail = config.inbucket.enabled ? await startMailCatcher(context.mailbox, config.inbucket.port).catch((error: unknown) => {
    server.close();
    throw error;
  }) : undefined;
  // LAN mode: one more listener per address, each handing its connections to the same HTTP server, so requests,
  // WebSocket upgrades and closeAllConnections() behave the same whichever address a client used.
  const extra: TcpServer[] = [];
  try {
    for (const host of lan) {
      const listener = createTcpServer((socket) => server.emit('connection', socket));
      await listen(listener, config.api.port, host);
      extra.push(listener);
    }
  } catch (error) {
    for (const listener of [...extra, server]) listener.close();
    mail?.close();
    throw error;
  }
  return {
    async close() {
      // Realtime first: sockets get a 1001 close and the replication stream (and its temporary slot) ends.
      await realtime.close();
      for (const listener of extra) listener.close();
      mail?.closeAllConnections();
      mail?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rest.close();
      await closeServiceContext(context);
    },
  };
}

function listen(server: Server | TcpServer, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
