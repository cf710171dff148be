import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { snippet, type Mailbox, type StoredMessage } from './mailbox.ts';
import { listPage, messagePage } from './page.ts';

/** Mailpit's `MessageSummary` JSON. */
function summary(m: StoredMessage) {
  return {
    ID: m.ID,
    MessageID: m.MessageID,
    Read: m.Read,
    From: m.From,
    To: m.To,
    Cc: [],
    Bcc: [],
    ReplyTo: [],
    Subject: m.Subject,
    Created: m.Created.toISOString(),
    Username: '',
    Tags: [],
    Size: m.Size,
    Attachments: 0,
    Snippet: snippet(m),
  };
}

/** Mailpit's `Message` JSON (GET /api/v1/message/{ID}). */
function detail(m: StoredMessage) {
  return {
    ID: m.ID,
    MessageID: m.MessageID,
    From: m.From,
    To: m.To,
    Cc: [],
    Bcc: [],
    ReplyTo: [],
    ReturnPath: m.From.Address,
    Subject: m.Subject,
    ListUnsubscribe: { Header: '', Links: [], Errors: '', HeaderPost: '' },
    Date: m.Created.toISOString(),
    Tags: [],
    Username: '',
    Text: m.Text,
    HTML: m.HTML,
    Size: m.Size,
    Inline: [],
    Attachments: [],
  };
}

/** `messages_summary`: `start`/`limit` paging as Mailpit (default limit 50). */
function page(all: StoredMessage[], url: URL, total: number) {
  const start = Math.max(0, Number(url.searchParams.get('start')) || 0);
  const limit = Math.max(1, Number(url.searchParams.get('limit')) || 50);
  const messages = all.slice(start, start + limit);
  const unread = all.filter((m) => !m.Read).length;
  return { total, unread, count: messages.length, messages_count: all.length, messages_unread: unread, start, tags: [], messages: messages.map(summary) };
}

type Reply = { status: number; type: string; body: string; headers?: Record<string, string> };
const json = (status: number, body: unknown): Reply => ({ status, type: 'application/json', body: JSON.stringify(body) });
const text = (status: number, body: string): Reply => ({ status, type: 'text/plain; charset=utf-8', body });
const html = (body: string): Reply => ({ status: 200, type: 'text/html; charset=utf-8', body });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The subset of Mailpit's API v1 that tests and tools use, and a small inbox page. */
async function route(mailbox: Mailbox, req: IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  const total = mailbox.list().length;
  if (path === '/api/v1/messages' && method === 'GET') return json(200, page(mailbox.list(), url, total));
  if (path === '/api/v1/messages' && method === 'DELETE') {
    let ids: string[] | undefined;
    try {
      ids = (JSON.parse((await readBody(req)) || '{}') as { IDs?: string[] }).IDs;
    } catch {
      ids = undefined;
    }
    mailbox.delete(ids);
    return text(200, 'ok');
  }
  if (path === '/api/v1/search' && (method === 'GET' || method === 'DELETE')) {
    const query = url.searchParams.get('query')?.trim();
    if (!query) return text(400, 'Error: no search query');
    const found = mailbox.search(query);
    if (method === 'DELETE') {
      mailbox.delete(found.map((m) => m.ID));
      return text(200, 'ok');
    }
    return json(200, page(found, url, total));
  }
  const one = /^\/api\/v1\/message\/([^/]+)$/.exec(path);
  if (one && method === 'GET') {
    const message = mailbox.get(decodeURIComponent(one[1]!));
    if (!message) return text(404, 'Message not found');
    mailbox.markRead(message);
    return json(200, detail(message));
  }
  if (path === '/' && method === 'GET') return html(listPage(mailbox.list()));
  if (path === '/delete-all' && method === 'POST') {
    mailbox.delete();
    return { status: 303, type: 'text/plain', body: '', headers: { location: '/' } };
  }
  const view = /^\/view\/([^/]+)$/.exec(path);
  if (view && method === 'GET') {
    const message = mailbox.get(decodeURIComponent(view[1]!));
    if (!message) return text(404, 'Message not found');
    mailbox.markRead(message);
    return html(messagePage(message));
  }
  return text(404, '404 page not found');
}

/** Listens on loopback only: the catcher holds working sign-in links, so it never joins LAN mode. */
export async function startMailCatcher(mailbox: Mailbox, port: number): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    route(mailbox, req)
      .catch((error: unknown) => text(500, String(error)))
      .then((reply) => {
        res.writeHead(reply.status, { 'content-type': reply.type, 'access-control-allow-origin': '*', ...reply.headers });
        res.end(reply.body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
