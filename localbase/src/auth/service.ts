import { json, type Handler } from '../shared/http.ts';
import type { ServiceContext } from '../shared/context.ts';

// Placeholder until the GoTrue-compatible endpoints land (issue 3); answers honestly that nothing is served yet.
export function createAuthService(context: ServiceContext): Handler {
  void context;
  return async () => json(501, { code: 'not_implemented', message: 'localbase Auth is not implemented yet' });
}
