import { json, type Handler } from '../shared/http.ts';
import type { ServiceContext } from '../shared/context.ts';

export interface RestService {
  handler: Handler;
  reloadSchema(): Promise<void>;
  close(): Promise<void>;
}

// Placeholder until the PostgREST-compatible service lands (issue 3); answers honestly that nothing is served yet.
export async function createRestService(context: ServiceContext): Promise<RestService> {
  void context;
  return {
    handler: async () => json(501, { code: 'PGRST000', message: 'localbase REST is not implemented yet', details: null, hint: null }),
    reloadSchema: async () => undefined,
    close: async () => undefined,
  };
}
