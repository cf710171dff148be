import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpError, json, toApiRequest, type ApiResponse, type Handler } from '../shared/http.ts';
import type { ServiceContext } from '../shared/context.ts';
import { answerPreflight, corsHeaders, isPreflight } from './cors.ts';
import { rewriteAuthorization } from './keys.ts';

export interface Routes {
  auth?: Handler;
  rest?: Handler;
  realtime?: Handler;
  /** WebSocket upgrades under /realtime/v1/ (the Realtime milestone). */
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer, path: string) => void;
}

/** Prefix routing as the CLI's kong.yml; every route strips its prefix. */
const PREFIXES: [string, keyof Omit<Routes, 'upgrade'>][] = [
  ['/auth/v1', 'auth'],
  ['/rest/v1', 'rest'],
  ['/realtime/v1', 'realtime'],
];

const NO_ROUTE = { message: 'no Route matched with those values' };

export function matchRoute(pathname: string): { service: keyof Omit<Routes, 'upgrade'>; path: string } | undefined {
  for (const [prefix, service] of PREFIXES) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return { service, path: pathname.slice(prefix.length) || '/' };
  }
  return undefined;
}

/**
 * The path of the request target, or undefined when it is not a URL (`//[/x`, `http://:99999/`): Node's parser
 * accepts such targets, and `new URL` throwing there would be a 500, or an uncaught error on the upgrade path.
 */
function targetPath(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

/** What nginx in front of Kong answers a malformed request line with, as JSON like the gateway's other errors. */
const BAD_TARGET = { message: 'Bad Request: the request target is not a valid URL' };

export function createGateway(context: ServiceContext, routes: Routes, options: { logRequests?: boolean } = {}): Server {
  const server = createServer((req, res) => void handle(req, res));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = targetPath(req);
    const route = pathname === undefined ? undefined : matchRoute(pathname);
    if (pathname === undefined) socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n\r\n${JSON.stringify(BAD_TARGET)}`);
    else if (route?.service === 'realtime' && routes.upgrade) routes.upgrade(req, socket, head, route.path);
    else {
      socket.end(`HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\n\r\n${JSON.stringify(NO_ROUTE)}`);
    }
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    if (isPreflight(req)) {
      answerPreflight(req, res);
      return;
    }
    let response: ApiResponse;
    try {
      response = await dispatch(req);
    } catch (error) {
      response = error instanceof HttpError ? error.toResponse() : json(500, { message: 'localbase gateway error', details: String(error) });
      if (!(error instanceof HttpError)) context.log(`gateway error on ${req.method} ${req.url}: ${(error as Error).stack}`);
    }
    send(res, req.method === 'HEAD' ? { ...response, body: undefined } : response);
    if (options.logRequests) context.log(`${req.method} ${req.url} ${response.status} ${(performance.now() - started).toFixed(1)}ms`);
  }

  async function dispatch(req: IncomingMessage): Promise<ApiResponse> {
    const pathname = targetPath(req);
    if (pathname === undefined) return json(400, BAD_TARGET);
    const route = matchRoute(pathname);
    const handler = route && routes[route.service];
    if (!route || !handler) return json(404, NO_ROUTE);
    const headers = { ...req.headers };
    const authorization = rewriteAuthorization(req.headers, context.keys);
    if (authorization === undefined) delete headers.authorization;
    else headers.authorization = authorization;
    return handler(toApiRequest(req, route.path, headers));
  }

  function send(res: ServerResponse, response: ApiResponse): void {
    const body = response.body ?? '';
    res.writeHead(response.status, { ...corsHeaders(), ...response.headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  }

  return server;
}
