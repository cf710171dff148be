import { isIP } from 'node:net';
import type { ApiRequest } from '../shared/http.ts';

const SEPARATORS = '[^./]';

/**
 * gobwas/glob with separators `.` and `/`, as GoTrue compiles `additional_redirect_urls`
 * (`[gotrue] internal/conf/configuration.go`): `*` stops at a dot or slash, `**` does not, `?` is one character,
 * `[a-z]` / `[!a-z]` classes, `{a,b}` alternatives, `\` escapes. The whole URL (without its fragment) must match.
 */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) out += escapeRegExp(pattern[++i]!);
    else if (c === '*' && pattern[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') out += `${SEPARATORS}*`;
    else if (c === '?') out += SEPARATORS;
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        const body = pattern.slice(i + 1, end);
        out += body.startsWith('!') ? `[^${body.slice(1).replace(/\\/g, '\\\\')}]` : `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      out += '(?:';
      depth++;
    } else if (c === '}' && depth > 0) {
      out += ')';
      depth--;
    } else if (c === ',' && depth > 0) out += '|';
    else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}${')'.repeat(depth)}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::']);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function isLoopbackIp(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * `IsRedirectURLValid` (`[gotrue] internal/utilities/request.go`): the site's own origin (any port on a loopback
 * host), any loopback IP address, or a match of one of the allow-list globs. Decimal-only hosts and odd host names
 * are refused before the list is consulted.
 */
export function isRedirectAllowed(redirect: string, siteUrl: string, allowList: string[]): boolean {
  if (redirect === '') return false;
  const site = parse(siteUrl);
  const target = parse(redirect);
  if (!site || !target) return false;
  // WHATWG URL rewrites `http://2130706433/` to 127.0.0.1; Go keeps the host as written, so read it from the text.
  const written = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(redirect)?.[1] ?? target.hostname;
  const host = written.replace(/^\[|\]$/g, '');
  if (site.hostname === target.hostname && site.protocol === target.protocol && (site.port === target.port || LOOPBACK_NAMES.has(host.toLowerCase()))) {
    return true;
  }
  const isHttp = target.protocol === 'http:' || target.protocol === 'https:';
  if (/^[0-9]+$/.test(host)) return false;
  if (isIP(host)) return isLoopbackIp(host);
  if (isHttp && !/^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/.test(host)) return false;
  const withoutFragment = redirect.split('#')[0]!;
  return allowList.some((pattern) => globToRegExp(pattern).test(withoutFragment));
}

/**
 * `GetReferrer`: the `redirect_to` query parameter (or header), else the Referer, each only when allowed; otherwise
 * the site URL. A refused redirect is never an error: the mail simply points at `site_url`.
 */
export function referrer(request: ApiRequest, siteUrl: string, allowList: string[]): string {
  const asked = request.header('redirect_to') || request.url.searchParams.get('redirect_to') || '';
  if (isRedirectAllowed(asked, siteUrl, allowList)) return asked;
  const referer = request.header('referer') ?? '';
  if (isRedirectAllowed(referer, siteUrl, allowList)) return referer;
  return siteUrl;
}
