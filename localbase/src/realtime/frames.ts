/**
 * Phoenix frame codecs for vsn 1.0.0 (JSON objects) and 2.0.0 (JSON arrays plus realtime-js's binary broadcast
 * kinds), as phoenix.js and realtime-js serializer.ts encode them.
 */

export type Vsn = '1.0.0' | '2.0.0';

export interface Frame {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

/** A broadcast whose payload stays raw bytes end to end (binary kind 3 in, kind 4 out, encoding 0). */
export interface BinaryBroadcast {
  event: string;
  payload: Buffer;
  meta?: Record<string, unknown>;
}

export class FrameError extends Error {
  override name = 'FrameError';
}

const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;

export function parseVsn(value: string | null): Vsn {
  return value === '1.0.0' ? '1.0.0' : '2.0.0';
}

export function decodeText(vsn: Vsn, text: string): Frame {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FrameError('frame is not JSON');
  }
  if (vsn === '2.0.0') {
    // RT `v2_serializer.ex` `decode_text` wants an array of at least five elements.
    if (!Array.isArray(parsed) || parsed.length < 5) throw new FrameError('vsn 2.0.0 text frames are [join_ref, ref, topic, event, payload]');
    const [joinRef, ref, topic, event, payload] = parsed as unknown[];
    return { joinRef: refOf(joinRef), ref: refOf(ref), topic: stringOf(topic, 'topic'), event: stringOf(event, 'event'), payload };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new FrameError('vsn 1.0.0 frames are JSON objects');
  const object = parsed as Record<string, unknown>;
  return {
    joinRef: refOf(object.join_ref),
    ref: refOf(object.ref),
    topic: stringOf(object.topic, 'topic'),
    event: stringOf(object.event, 'event'),
    payload: object.payload,
  };
}

/**
 * Binary kind 3 `userBroadcastPush` (RJS `serializer.ts` `encode`): a header of six lengths and an encoding byte,
 * then join_ref, ref, topic, user event, metadata and the payload. It becomes a `broadcast` push.
 */
export function decodeBinary(buffer: Buffer): Frame {
  if (buffer.length < 7 || buffer[0] !== KIND_USER_BROADCAST_PUSH) throw new FrameError(`unsupported binary frame kind ${buffer[0]}`);
  const lengths = [buffer[1]!, buffer[2]!, buffer[3]!, buffer[4]!, buffer[5]!];
  const encoding = buffer[6]!;
  let offset = 7;
  const take = (length: number) => {
    if (offset + length > buffer.length) throw new FrameError('truncated binary frame');
    const text = buffer.subarray(offset, offset + length).toString('utf8');
    offset += length;
    return text;
  };
  const [joinRef, ref, topic, event, metadata] = lengths.map(take) as [string, string, string, string, string];
  const body = buffer.subarray(offset);
  let meta: Record<string, unknown> | undefined;
  if (metadata) {
    try {
      meta = JSON.parse(metadata) as Record<string, unknown>;
    } catch {
      throw new FrameError('binary frame metadata is not JSON');
    }
  }
  let payload: unknown;
  if (encoding === 1) {
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      throw new FrameError('binary frame JSON payload is not JSON');
    }
  } else {
    payload = Buffer.from(body);
  }
  return {
    joinRef: joinRef || null,
    ref: ref || null,
    topic,
    event: 'broadcast',
    payload: { type: 'broadcast', event, payload, ...(meta ? { meta } : {}) },
  };
}

export function encodeText(vsn: Vsn, frame: Frame): string {
  if (vsn === '2.0.0') return JSON.stringify([frame.joinRef, frame.ref, frame.topic, frame.event, frame.payload]);
  // V1 drops join_ref on the way out (PHXEX `v1_json_serializer.ex`).
  return JSON.stringify({ topic: frame.topic, event: frame.event, payload: frame.payload, ref: frame.ref });
}

/**
 * A server push (no join_ref, no ref) whose payload is JSON-encoded once for all its recipients. Its frame text is
 * built once per vsn and topic and kept as bytes, so sockets joined to one topic share one buffer; the text equals
 * `encodeText` of the same frame (same key order).
 */
export class EncodedPush {
  private readonly frames = new Map<string, Buffer>();

  constructor(
    readonly event: string,
    readonly payloadJson: string,
  ) {}

  frame(vsn: Vsn, topic: string): Buffer {
    const key = `${vsn}${topic}`;
    let bytes = this.frames.get(key);
    if (!bytes) this.frames.set(key, (bytes = Buffer.from(encodePushText(vsn, topic, this.event, this.payloadJson))));
    return bytes;
  }
}

function encodePushText(vsn: Vsn, topic: string, event: string, payloadJson: string): string {
  if (vsn === '2.0.0') return `[null,null,${JSON.stringify(topic)},${JSON.stringify(event)},${payloadJson}]`;
  return `{"topic":${JSON.stringify(topic)},"event":${JSON.stringify(event)},"payload":${payloadJson},"ref":null}`;
}

/** Binary kind 4 `userBroadcast` (RJS `serializer.ts` `_decodeUserBroadcast`); only vsn 2 clients can read it. */
export function encodeBinaryBroadcast(topic: string, message: BinaryBroadcast): Buffer {
  const topicBytes = Buffer.from(topic, 'utf8');
  const eventBytes = Buffer.from(message.event, 'utf8');
  const metaBytes = message.meta ? Buffer.from(JSON.stringify(message.meta), 'utf8') : Buffer.alloc(0);
  if (topicBytes.length > 255 || eventBytes.length > 255 || metaBytes.length > 255) throw new FrameError('binary broadcast header field longer than 255 bytes');
  const header = Buffer.from([KIND_USER_BROADCAST, topicBytes.length, eventBytes.length, metaBytes.length, 0]);
  return Buffer.concat([header, topicBytes, eventBytes, metaBytes, message.payload]);
}

function refOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

function stringOf(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new FrameError(`frame ${field} must be a string`);
  return value;
}
