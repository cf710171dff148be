import type { ServiceContext } from '../shared/context.ts';
import { empty, json, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import { rewriteQueryApikey } from '../gateway/keys.ts';
import { TokenError, verifyRealtimeToken, type Claims } from './auth.ts';
import { canWrite } from './authorization.ts';
import { Hub, type BroadcastMessage } from './hub.ts';
import { binaryBroadcastErrors, restRateRefusal, type RealtimeLimiter } from './limits.ts';

export function broadcastToTopic(hub: Hub, serverTopic: string, message: BroadcastMessage): void {
  for (const member of hub.members(serverTopic)) member.deliverBroadcast(message);
}

const UNAUTHORIZED = () => json(401, { message: 'Unauthorized' });
const PAYLOAD_ERROR = { payload: ['Payload size exceeds tenant limit'] };

/**
 * REST auth as RT `plugs/auth_tenant.ex`: `Authorization: Bearer <jwt>`, else the `apikey` header, which is mapped
 * here when it is an `sb_` key (supabase-js without a session sends only `apikey: sb_publishable_…`).
 */
async function restClaims(context: ServiceContext, request: ApiRequest): Promise<Claims | undefined> {
  const authorization = request.header('authorization');
  const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : authorization;
  const token = bearer && !bearer.startsWith('sb_') ? bearer : rewriteQueryApikey(request.header('apikey') ?? bearer ?? null, context.keys);
  try {
    return await verifyRealtimeToken(token, context.keys.jwtSecret, context.clock);
  } catch (error) {
    if (error instanceof TokenError) return undefined;
    throw error;
  }
}

async function allowed(hub: Hub, topic: string, isPrivate: boolean, claims: Claims): Promise<boolean> {
  return !isPrivate || canWrite(hub.pool, topic, claims, 'broadcast').catch(() => false);
}

/**
 * `POST /api/broadcast` (batch; RT `broadcast_controller.ex`) and `POST /api/broadcast/<topic>/events/<event>`
 * (`httpSend`, RT `broadcast_single_controller.ex`). Both answer 202 with an empty body. Private messages need the
 * write policy; without it a batch message is skipped and a single send is refused.
 */
export async function handleBroadcastRequest(context: ServiceContext, hub: Hub, limiter: RealtimeLimiter, request: ApiRequest): Promise<ApiResponse | undefined> {
  const path = request.path.replace(/\/+$/, '');
  const single = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/.exec(path);
  if (path !== '/api/broadcast' && !single) return undefined;
  if (request.method !== 'POST') return json(405, { message: 'Method Not Allowed' });
  const claims = await restClaims(context, request);
  if (!claims) return UNAUTHORIZED();
  const bytes = await request.bytes();
  const text = bytes.toString('utf8');
  if (single) {
    // A malformed escape (`%E0`) is the caller's mistake: 400, never the URIError's 500.
    let topic: string, event: string;
    try {
      [topic, event] = [decodeURIComponent(single[1]!), decodeURIComponent(single[2]!)];
    } catch {
      return json(400, { message: 'Invalid percent-encoding in the topic or event of the request path' });
    }
    const isPrivate = request.url.searchParams.get('private') === 'true';
    const binary = (request.header('content-type') ?? '').startsWith('application/octet-stream');
    let payload: unknown = {};
    if (binary) payload = bytes;
    else if (text.trim() !== '') {
      try {
        payload = JSON.parse(text);
      } catch {
        return json(422, { message: 'Request body must be JSON' });
      }
    }
    // RT `single_broadcast.ex`: the message is validated (422), then the rate checked (429), then the policy.
    const errors = { ...(binary ? binaryBroadcastErrors(topic, event) : {}), ...(limiter.payloadTooLarge(payload) ? PAYLOAD_ERROR : {}) };
    if (Object.keys(errors).length > 0) return json(422, { errors });
    const overRate = restRateRefusal(limiter, 1, '>=');
    if (overRate) return json(429, { message: overRate });
    if (!(await allowed(hub, topic, isPrivate, claims))) return json(403, { message: `You do not have permissions to write to this Channel topic: ${topic}` });
    limiter.events.add();
    broadcastToTopic(hub, Hub.serverTopic(topic, isPrivate), { event, payload });
    return empty(202);
  }
  let body: { messages?: unknown };
  try {
    body = JSON.parse(text || '{}') as { messages?: unknown };
  } catch {
    return json(422, { message: 'Request body must be JSON' });
  }
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.some((m) => !m || typeof m !== 'object' || typeof (m as Record<string, unknown>).topic !== 'string' || typeof (m as Record<string, unknown>).event !== 'string')) {
    return json(422, { errors: { messages: ['each message needs a string topic and event'] } });
  }
  // RT `batch_broadcast.ex`: each message's errors in its place, `{}` for a valid one.
  const sizeErrors = messages.map((message: { payload?: unknown }) => (limiter.payloadTooLarge(message.payload ?? {}) ? PAYLOAD_ERROR : {}));
  if (sizeErrors.includes(PAYLOAD_ERROR)) return json(422, { errors: { messages: sizeErrors } });
  const overRate = restRateRefusal(limiter, messages.length, '>');
  if (overRate) return json(429, { message: overRate });
  for (const message of messages as { topic: string; event: string; payload?: unknown; private?: unknown }[]) {
    const isPrivate = message.private === true || message.private === 'true';
    if (!(await allowed(hub, message.topic, isPrivate, claims))) continue;
    limiter.events.add();
    broadcastToTopic(hub, Hub.serverTopic(message.topic, isPrivate), { event: message.event, payload: message.payload ?? {} });
  }
  return empty(202);
}
