import { json, type ApiResponse } from '../shared/http.ts';
import type { AuthDeps } from './deps.ts';

/** The GoTrue image the CLI pins; tools compare it, nothing parses it. */
export const GOTRUE_VERSION = 'v2.189.0';

const EXTERNAL_PROVIDERS = [
  'anonymous_users', 'apple', 'azure', 'bitbucket', 'discord', 'facebook', 'snapchat', 'figma', 'fly', 'github', 'gitlab',
  'google', 'keycloak', 'kakao', 'linkedin', 'linkedin_oidc', 'notion', 'spotify', 'slack', 'slack_oidc', 'workos',
  'twitch', 'twitter', 'email', 'phone', 'zoom',
];

/** GET /settings (`[gotrue] internal/api/settings.go`): only e-mail sign-in exists locally. */
export function settings(deps: AuthDeps): ApiResponse {
  const external = Object.fromEntries(EXTERNAL_PROVIDERS.map((name) => [name, name === 'email']));
  return json(200, {
    external,
    disable_signup: !deps.auth.enableSignup,
    mailer_autoconfirm: !deps.auth.enableConfirmations,
    phone_autoconfirm: true,
    sms_provider: '',
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  });
}

export function health(): ApiResponse {
  return json(200, { version: GOTRUE_VERSION, name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' });
}

/**
 * GET /.well-known/jwks.json. localbase signs user tokens with the HS256 secret only, and GoTrue never publishes a
 * symmetric key (`[gotrue] internal/api/jwks.go` skips `oct` keys; its test expects `keys: []` for an HMAC-only
 * config). auth-js `getClaims()` never fetches this for HS256 tokens: it validates through GET /user instead.
 */
export function jwks(): ApiResponse {
  return json(200, { keys: [] }, { 'cache-control': 'public, max-age=600' });
}
