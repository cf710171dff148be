import { empty, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import type { AuthDeps } from './deps.ts';
import { badRequest } from './errors.ts';
import { requireUser } from './guard.ts';
import { deleteOtherSessions, deleteSession, deleteUserSessions } from './sessions.ts';

const SCOPES = ['global', 'local', 'others'] as const;
type Scope = (typeof SCOPES)[number];

/**
 * POST /logout?scope= (`[gotrue] internal/api/logout.go`). Access tokens stay valid JWTs until `exp`; deleting the
 * session is what makes GET /user answer 403 session_not_found and refreshes fail.
 */
export async function logout(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  const raw = request.url.searchParams.get('scope') || 'global';
  if (!(SCOPES as readonly string[]).includes(raw)) throw badRequest('validation_failed', `Unsupported logout scope ${JSON.stringify(raw)}`);
  const scope = raw as Scope;
  const { user, session } = await requireUser(deps, request);
  if (scope === 'global' || !session) await deleteUserSessions(deps.pool, user.id);
  else if (scope === 'local') await deleteSession(deps.pool, session.id);
  else await deleteOtherSessions(deps.pool, user.id, session.id);
  return empty(204);
}
