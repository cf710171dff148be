import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** Bodies above this are refused with 413 before they are buffered. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * A request as a service sees it behind the gateway: `path` has the service prefix stripped (Kong's
 * `strip_path: true`), `headers` are lower-cased and already carry the gateway's Authorization rewrite.
 */
export interface ApiRequest {
  method: string;
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** The TCP peer: what per-IP rate limits count (never a client-supplied forwarding header). */
  remoteAddress?: string;
  header(name: string): string | undefined;
  text(): Promise<string>;
  /** The body as sent: binary payloads (`application/octet-stream`) must not pass through UTF-8. */
  bytes(): Promise<Buffer>;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Handler = (request: ApiRequest) => Promise<ApiResponse>;

/** An error already in its service's wire shape; each service renders its own (GoTrue, PostgREST, ...). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
    this.name = 'HttpError';
  }

  toResponse(): ApiResponse {
    return json(this.status, this.body, this.headers);
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

export function empty(status: number, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers };
}

export function toApiRequest(raw: IncomingMessage, path: string, headers: IncomingHttpHeaders): ApiRequest {
  const url = new URL(raw.url ?? '/', 'http://localhost');
  let body: Promise<Buffer> | undefined;
  const bytes = () => (body ??= readBody(raw));
  return {
    method: (raw.method ?? 'GET').toUpperCase(),
    path,
    url,
    headers,
    remoteAddress: raw.socket?.remoteAddress,
    header(name) {
      const value = headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    bytes,
    text: async () => (await bytes()).toString('utf8'),
  };
}

/** How long an oversize body is still read (and discarded) before the 413 goes out regardless. */
const OVERSIZE_DRAIN_MS = 5_000;

/**
 * Buffers the body up to MAX_BODY_BYTES. Past it, the rest is read and discarded before the 413 is answered with
 * `Connection: close`, as nginx's lingering close does in front of Kong: closing a socket the client is still
 * writing to makes the kernel send a reset, and the client then loses the 413 and its pooled connection.
 */
function readBody(raw: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let oversize = false;
    let timer: NodeJS.Timeout | undefined;
    const refuse = () => {
      clearTimeout(timer);
      reject(new HttpError(413, { message: `Request body is larger than ${MAX_BODY_BYTES} bytes` }, { connection: 'close' }));
    };
    raw.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (oversize) return;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      oversize = true;
      chunks.length = 0;
      timer = setTimeout(refuse, OVERSIZE_DRAIN_MS);
    });
    raw.once('end', () => (oversize ? refuse() : resolve(Buffer.concat(chunks))));
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    raw.once('error', fail);
    // A client that goes away mid-body: nobody waits for the answer, but the handler must not hang.
    raw.once('close', () => raw.complete || fail(new Error('request aborted')));
  });
}
