import type { Server } from 'node:http';
import { createAuthService } from './auth/service.ts';
import type { LocalbaseConfig } from './config.ts';
import { createGateway } from './gateway/server.ts';
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.api.port, '127.0.0.1', () => resolve());
  });
  return {
    async close() {
      // Realtime first: sockets get a 1001 close and the replication stream (and its temporary slot) ends.
      await realtime.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rest.close();
      await closeServiceContext(context);
    },
  };
}
