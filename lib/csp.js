// @ts-check
// The Content-Security-Policy for every route, built from NEXT_PUBLIC_SUPABASE_URL: connect-src
// 'self' plus that origin's http(s) and ws(s) forms, nothing broader.
// CommonJS because next.config.js (CommonJS) requires it; pure, so lib/csp.test.ts pins it.
//
// connect-src is exactly 'self' + the Supabase origin in its http(s) form (Auth, REST) and its ws(s) form
// (Realtime): a missing ws origin is the classic "CSP blocks ws:" Realtime failure, and anything broader
// (`*`, bare `ws:`/`wss:`/`https:`) would let injected script talk to any host.

const FIX = 'Run `npx localbase status -o env` or copy .env.example to .env.local.';

/**
 * The Supabase origin in the two forms a browser connects to.
 * @param {string | undefined} supabaseUrl
 * @returns {{ http: string, ws: string }}
 */
function supabaseOrigins(supabaseUrl) {
  if (!supabaseUrl) throw new Error(`NEXT_PUBLIC_SUPABASE_URL is not set. ${FIX}`);
  let url;
  try {
    url = new URL(supabaseUrl);
  } catch {
    throw new Error(`NEXT_PUBLIC_SUPABASE_URL is not a URL: ${JSON.stringify(supabaseUrl)}. ${FIX}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`NEXT_PUBLIC_SUPABASE_URL must be an http(s) URL, got ${JSON.stringify(supabaseUrl)}. ${FIX}`);
  }
  const wsScheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http: url.origin, ws: `${wsScheme}//${url.host}` };
}

/**
 * @param {{ supabaseUrl: string | undefined, dev: boolean }} options
 *   dev: React's development build needs eval (call stacks, Fast Refresh); production never gets 'unsafe-eval'.
 * @returns {string} the header value
 */
function buildContentSecurityPolicy({ supabaseUrl, dev }) {
  const supabase = supabaseOrigins(supabaseUrl);
  /** @type {Record<string, string[]>} */
  const directives = {
    'default-src': ["'self'"],
    // Next's App Router hydrates from inline <script> tags; nonces would force every page to render dynamically.
    'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", supabase.http, supabase.ws],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

module.exports = { buildContentSecurityPolicy, supabaseOrigins };
