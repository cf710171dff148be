import type { ServiceContext } from '../shared/context.ts';
import { HttpError, type ApiRequest, type ApiResponse, type Handler } from '../shared/http.ts';
import { admin } from './admin.ts';
import { authDeps, type AuthDeps } from './deps.ts';
import { AuthError, fromDatabaseError, OAuthError, renderAuthError } from './errors.ts';
import { logout } from './logout.ts';
import { magicLink, otp, recover } from './otp.ts';
import { resend } from './resend.ts';
import { health, jwks, settings } from './settings.ts';
import { signup } from './signup.ts';
import { token } from './token.ts';
import { getUser, updateUser } from './user.ts';
import { verifyGet, verifyPost } from './verify.ts';

const NOT_FOUND = () => new AuthError(404, 'not_found', 'Not Found');

/** Routes of `[gotrue] internal/api/api.go` that supabase-js, @supabase/ssr and tooling call. */
async function route(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  const path = request.path.replace(/\/+$/, '') || '/';
  const { method } = request;
  if (path === '/health' && method === 'GET') return health();
  if (path === '/settings' && method === 'GET') return settings(deps);
  if (path === '/.well-known/jwks.json' && method === 'GET') return jwks();
  if (path === '/signup' && method === 'POST') return signup(deps, request);
  if (path === '/token' && method === 'POST') return token(deps, request);
  if (path === '/user' && method === 'GET') return getUser(deps, request);
  if (path === '/user' && method === 'PUT') return updateUser(deps, request);
  if (path === '/logout' && method === 'POST') return logout(deps, request);
  if (path === '/recover' && method === 'POST') return recover(deps, request);
  if (path === '/otp' && method === 'POST') return otp(deps, request);
  if (path === '/resend' && method === 'POST') return resend(deps, request);
  if (path === '/magiclink' && method === 'POST') return magicLink(deps, request);
  if (path === '/verify' && method === 'POST') return verifyPost(deps, request);
  if (path === '/verify' && method === 'GET') return verifyGet(deps, request);
  if (path === '/admin/users') return admin(deps, request, undefined);
  const adminUser = /^\/admin\/users\/([^/]+)$/.exec(path);
  if (adminUser) return admin(deps, request, decodeSegment(adminUser[1]!));
  throw NOT_FOUND();
}

/**
 * Go's PathUnescape accepts `%E0` (it does not check UTF-8) and the id then fails the UUID parse, so a malformed
 * escape keeps its raw text and gets the same 400 "user_id must be an UUID" instead of a URIError.
 */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The Auth service behind `/auth/v1`. Errors are thrown anywhere below and rendered here, once, in GoTrue's shape. */
export function createAuthService(context: ServiceContext): Handler {
  const deps = authDeps(context);
  return async (request) => {
    try {
      return await route(deps, request);
    } catch (thrown) {
      if (thrown instanceof HttpError) return thrown.toResponse();
      const error = fromDatabaseError(thrown);
      if (!(error instanceof AuthError) && !(error instanceof OAuthError)) {
        context.log(`auth error on ${request.method} ${request.path}: ${(error as Error).stack ?? String(error)}`);
      }
      return renderAuthError(error, request.header('x-supabase-api-version'));
    }
  };
}
