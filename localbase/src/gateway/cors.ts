import type { IncomingMessage, ServerResponse } from 'node:http';

/** Kong's `cors` plugin with no config: any origin, echoed request headers, no credentials. */
const ALLOW_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS,TRACE,CONNECT';
/** Upstreams' expose lists, merged: clients read Content-Range (counts) and X-Supabase-Api-Version (auth error codes). */
const EXPOSE_HEADERS = [
  'Content-Encoding', 'Content-Location', 'Content-Range', 'Content-Type', 'Date', 'Location', 'Server',
  'Transfer-Encoding', 'Range-Unit', 'X-Total-Count', 'Link', 'X-Supabase-Api-Version',
].join(', ');

export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers.origin !== undefined && req.headers['access-control-request-method'] !== undefined;
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': ALLOW_METHODS,
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
    'access-control-max-age': '3600',
    'content-length': '0',
  });
  res.end();
}

export function corsHeaders(): Record<string, string> {
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSE_HEADERS };
}
