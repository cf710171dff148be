import { fail, ok, type Check, type Outcome } from './check.ts';
import { need, NETWORK_TIMEOUT_MS, type DoctorContext } from './context.ts';

/**
 * The "CSP blocks ws:" trap: the page's connect-src must allow the API origin in its http form (Auth, REST) and its
 * ws form (Realtime). Matching follows CSP3 "Does url match expression" (w3.org/TR/CSP3/#match-url-to-source-expression),
 * conservatively: `*` and an http(s) source are not taken to allow a WebSocket, since browsers have disagreed on it.
 */
export function cspChecks(ctx: DoctorContext): Check[] {
  return ctx.appUrl ? [{ layer: 'code', name: 'Content-Security-Policy', run: () => checkCsp(ctx, ctx.appUrl!) }] : [];
}

async function checkCsp(ctx: DoctorContext, appUrl: string): Promise<Outcome> {
  const port = need(ctx.config, 'config').api.port;
  let response: Response;
  try {
    response = await fetch(appUrl, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS * 2) });
  } catch (error) {
    return fail(`GET ${appUrl} failed: ${(error as Error).message}`, 'Start the app (`npm run dev`) or pass its URL with --app-url.');
  }
  await response.body?.cancel();
  const header = response.headers.get('content-security-policy');
  if (!header) return ok(`${appUrl} sends no Content-Security-Policy header: nothing blocks the API`);
  const verdicts = ['127.0.0.1', 'localhost'].map((host) => ({
    host,
    http: allows(header, response.url || appUrl, `http://${host}:${port}`),
    ws: allows(header, response.url || appUrl, `ws://${host}:${port}`),
  }));
  const good = verdicts.find((v) => v.http && v.ws);
  if (good) return ok(`connect-src allows http://${good.host}:${port} and ws://${good.host}:${port}`);
  const partial = verdicts.find((v) => v.http);
  const missing = partial ? `ws://${partial.host}:${port}` : `http://127.0.0.1:${port} and ws://127.0.0.1:${port}`;
  const fix = `Add ${partial ? missing : `http://127.0.0.1:${port} ws://127.0.0.1:${port}`} to connect-src. Rock-On builds it from NEXT_PUBLIC_SUPABASE_URL (lib/csp.js): set that to the API URL \`npx localbase status\` prints, then restart the app.`;
  const policy = directive(header, 'connect-src') ?? directive(header, 'default-src');
  const shown = policy ? `connect-src ${policy.join(' ')}` : 'the policy';
  if (partial) return fail(`${shown} allows ${`http://${partial.host}:${port}`} but not ${missing}: the browser blocks the Realtime WebSocket, so channels never connect.`, fix);
  return fail(`${shown} does not allow the API at ${missing}: the browser blocks Auth, REST and Realtime.`, fix);
}

/** The source list that governs fetch/WebSocket: connect-src, else default-src; undefined when neither is set. */
export function directive(policy: string, name: string): string[] | undefined {
  for (const part of policy.split(';')) {
    const [directiveName, ...sources] = part.trim().split(/\s+/);
    if (directiveName?.toLowerCase() === name) return sources;
  }
  return undefined;
}

export function allows(policy: string, pageUrl: string, target: string): boolean {
  const sources = directive(policy, 'connect-src') ?? directive(policy, 'default-src');
  if (!sources) return true;
  const page = new URL(pageUrl);
  const url = new URL(target);
  return sources.some((source) => matches(source, page, url));
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };

/** CSP3 "scheme-part match": http allows https; ws allows wss (the http forms are left out, see above). */
function schemeMatches(source: string, scheme: string): boolean {
  return source === scheme || (source === 'http:' && scheme === 'https:') || (source === 'ws:' && scheme === 'wss:');
}

function matches(rawSource: string, page: URL, url: URL): boolean {
  const source = rawSource.toLowerCase();
  if (source === "'none'") return false;
  if (source === '*') return url.protocol === 'http:' || url.protocol === 'https:';
  if (source === "'self'") {
    const secure = page.protocol === 'https:';
    const sameScheme = url.protocol === page.protocol || url.protocol === (secure ? 'wss:' : 'ws:');
    return sameScheme && url.host === page.host;
  }
  if (source.startsWith("'")) return false;
  if (/^[a-z][a-z0-9+.-]*:$/.test(source)) return schemeMatches(source, url.protocol);
  const parsed = /^(?:([a-z][a-z0-9+.-]*:)\/\/)?(\*|(?:\*\.)?[a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d+|\*))?(?:\/.*)?$/.exec(source);
  if (!parsed) return false;
  const [, scheme, host, port] = parsed;
  if (!schemeMatches(scheme ?? page.protocol, url.protocol)) return false;
  const hostOk = host === '*' || host === url.hostname || (host!.startsWith('*.') && url.hostname.endsWith(host!.slice(1)));
  if (!hostOk) return false;
  const urlPort = url.port || DEFAULT_PORT[url.protocol];
  if (port === '*') return true;
  return (port ?? DEFAULT_PORT[scheme ?? page.protocol]) === urlPort;
}
