import type { WebSocket } from 'ws';
import { Channel, JoinRefused, type ChannelTransport } from './channel.ts';
import type { Duplex } from 'node:stream';
import { decodeBinary, decodeText, encodeBinaryBroadcast, encodeText, FrameError, type EncodedPush, type Frame, type Vsn } from './frames.ts';
import type { BroadcastMessage, Hub } from './hub.ts';
import { RealtimeLimiter, type JoinRefusal } from './limits.ts';
import { MAX_SOCKET_BYTES, SLOW_CONSUMER_CLOSE, type OutboundQueue } from './outbound.ts';

let socketCount = 0;
/** Text frames may be queued as bytes (shared fan-out frames); binary broadcasts are queued wrapped, to tell them apart. */
type Outgoing = string | Buffer | { binary: Buffer };
const TEXT = { binary: false } as const;
const BINARY = { binary: true } as const;

/**
 * A socket that sends nothing for this long is closed, as Phoenix closes a websocket after its `timeout` (60 s by
 * default) without a frame. realtime-js heartbeats every 25 s, so only a peer that vanished (a phone that lost its
 * network without closing the socket) is closed; its channels leave, so presence tells the others it is gone.
 */
export const IDLE_TIMEOUT_MS = 60_000;

/** One WebSocket: Phoenix frames in and out, heartbeats, and the channels joined over it. */
export class Connection implements ChannelTransport, OutboundQueue {
  /** Names the socket in log lines. */
  readonly id = ++socketCount;
  private readonly channels = new Map<string, Channel>();
  /** Frames written since the last flush: sent together in one corked burst (see flush). */
  private outbox: Outgoing[] = [];
  private outboxBytes = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Frames are handled one at a time, in arrival order (joins are asynchronous: token checks, RLS probes). */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    readonly vsn: Vsn,
    readonly connectToken: string,
    private readonly hub: Hub<Channel>,
    private readonly idleTimeoutMs = IDLE_TIMEOUT_MS,
    readonly limiter = new RealtimeLimiter(),
  ) {
    this.stillHere();
    ws.on('message', (data, isBinary) => {
      this.stillHere();
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      this.queue = this.queue.then(() => this.receive(buffer, isBinary)).catch((error: unknown) => this.hub.log(`realtime: frame handling failed: ${(error as Error).stack}`));
    });
    // A client that drops mid-frame surfaces as 'error' then 'close'; both only tear down this socket.
    ws.on('error', () => this.teardown());
    ws.on('close', () => this.teardown());
  }

  private async receive(buffer: Buffer, isBinary: boolean): Promise<void> {
    if (this.closed) return;
    let frame: Frame;
    try {
      frame = isBinary ? decodeBinary(buffer) : decodeText(this.vsn, buffer.toString('utf8'));
    } catch (error) {
      if (error instanceof FrameError) return; // Phoenix drops undecodable frames; the socket stays up.
      throw error;
    }
    if (frame.topic === 'phoenix' && frame.event === 'heartbeat') return this.reply(frame, 'ok', {});
    const channel = this.channels.get(frame.topic);
    if (frame.event === 'phx_join') return this.join(frame, channel);
    if (frame.event === 'phx_leave') {
      // Ok even for unknown topics, then phx_close.
      this.reply(frame, 'ok', {});
      if (channel) {
        channel.dispose();
        this.send({ joinRef: channel.joinRef, ref: channel.joinRef, topic: frame.topic, event: 'phx_close', payload: {} });
      }
      return;
    }
    if (!channel) return this.reply(frame, 'error', { reason: 'unmatched topic' });
    await channel.handle(frame);
  }

  get channelCount(): number {
    return this.channels.size;
  }

  private async join(frame: Frame, existing: Channel | undefined): Promise<void> {
    if (!frame.topic.startsWith('realtime:')) return this.reply(frame, 'error', { reason: 'unmatched topic' });
    if (existing) {
      // A duplicate join replaces the old channel: phx_close with the old join_ref, then the new join.
      existing.dispose();
      this.send({ joinRef: existing.joinRef, ref: existing.joinRef, topic: frame.topic, event: 'phx_close', payload: {} });
    }
    // An empty topic name is refused by the channel itself, before any limit (RT's first `join/3` clause).
    const refusal = frame.topic === 'realtime:' ? undefined : this.limiter.refuseJoin(this);
    if (refusal) return this.refuseJoin(frame, refusal);
    const channel = new Channel(frame.topic, frame.joinRef ?? frame.ref, this, this.hub);
    try {
      const response = await channel.join(frame.payload);
      if (this.closed) return channel.dispose();
      this.channels.set(frame.topic, channel);
      this.limiter.joined(this);
      this.reply(frame, 'ok', response);
      channel.afterJoin();
    } catch (error) {
      channel.dispose();
      if (error instanceof JoinRefused) return this.reply(frame, 'error', { reason: error.message });
      this.hub.log(`realtime: join of ${frame.topic} failed: ${(error as Error).stack}`);
      this.reply(frame, 'error', { reason: `UnknownErrorOnChannel: ${(error as Error).message}` });
    }
  }

  /**
   * Over the join rate RT also sends the transport a `disconnect` broadcast: Phoenix stops the socket, and Cowboy
   * closes it with 1000, after the error reply.
   */
  private refuseJoin(frame: Frame, refusal: JoinRefusal): void {
    this.reply(frame, 'error', { reason: refusal.reason });
    if (!refusal.disconnect) return;
    this.hub.log(`realtime: closing a socket over the join rate (${refusal.reason})`);
    this.closeAfterQueued(1000);
  }

  private reply(frame: Frame, status: 'ok' | 'error', response: unknown): void {
    this.send({ joinRef: frame.joinRef, ref: frame.ref, topic: frame.topic, event: 'phx_reply', payload: { status, response } });
  }

  send(frame: Frame): void {
    this.write(encodeText(this.vsn, frame));
  }

  sendBroadcast(topic: string, message: BroadcastMessage): void {
    if (Buffer.isBuffer(message.payload)) {
      // vsn 1.0.0 has no binary frames; upstream drops binary payloads for such sockets.
      if (this.vsn === '2.0.0') this.write({ binary: encodeBinaryBroadcast(topic, { event: message.event, payload: message.payload, ...(message.meta ? { meta: message.meta } : {}) }) });
      return;
    }
    const payload = { type: 'broadcast', event: message.event, payload: message.payload, ...(message.meta ? { meta: message.meta } : {}) };
    this.send({ joinRef: null, ref: null, topic, event: 'broadcast', payload });
  }

  sendEncoded(topic: string, push: EncodedPush): void {
    this.write(push.frame(this.vsn, topic));
  }

  /** Queues a frame; the queue leaves at the end of the current task (one microtask later), see flush. */
  private write(data: Outgoing): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    // String length counts UTF-16 units, not bytes: close enough for a limit measured in MiB.
    this.outboxBytes += typeof data === 'string' || Buffer.isBuffer(data) ? data.length : data.binary.length;
    if (this.outbox.push(data) === 1) queueMicrotask(() => this.flush());
    if (this.pendingBytes() > MAX_SOCKET_BYTES) this.closeSlowConsumer();
  }

  pendingBytes(): number {
    return this.outboxBytes + this.ws.bufferedAmount;
  }

  /**
   * `ws` writes each frame as its own header + payload writev; a fan-out burst sends dozens of frames to one socket
   * in one task, so the burst is written with the TCP socket corked and leaves in one system call.
   */
  private flush(): void {
    const frames = this.outbox;
    this.outbox = [];
    this.outboxBytes = 0;
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    // `_socket` is ws's own TCP socket: the public API has no cork, and uncorking with nothing corked is harmless.
    const tcp = (this.ws as unknown as { _socket?: Duplex })._socket;
    tcp?.cork();
    for (const frame of frames) {
      if (typeof frame === 'string' || Buffer.isBuffer(frame)) this.ws.send(frame, TEXT);
      else this.ws.send(frame.binary, BINARY);
    }
    tcp?.uncork();
    this.hub.outbound.report(this, this.ws.bufferedAmount);
  }

  private closeSlowConsumer(): void {
    const queued = this.pendingBytes();
    const user = [...this.channels.values()].find((channel) => channel.claims)?.claims;
    this.hub.log(
      `realtime: closing slow consumer socket ${this.id} (user ${String(user?.sub ?? 'anonymous')}, role ${user?.role ?? 'unknown'}): ` +
        `${queued} bytes queued, limit ${MAX_SOCKET_BYTES} (close ${SLOW_CONSUMER_CLOSE.code} "${SLOW_CONSUMER_CLOSE.reason}")`,
    );
    this.outbox = [];
    this.outboxBytes = 0;
    this.teardown();
    // The close frame waits behind the unsent bytes; ws destroys the socket if the peer never reads it (30 s).
    this.ws.close(SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason);
  }

  detach(channel: Channel): void {
    if (this.channels.get(channel.topic) === channel) this.channels.delete(channel.topic);
  }

  private stillHere(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.hub.log(`realtime: closing a socket silent for ${this.idleTimeoutMs} ms`);
      this.ws.terminate();
      this.teardown();
    }, this.idleTimeoutMs);
    this.idleTimer.unref();
  }

  /** Socket gone: every channel leaves, so presence sends `leaves` and subscriptions stop. */
  private teardown(): void {
    clearTimeout(this.idleTimer);
    if (this.closed) return;
    this.closed = true;
    this.limiter.gone(this);
    this.hub.outbound.remove(this);
    for (const channel of [...this.channels.values()]) channel.dispose();
    this.channels.clear();
  }

  /** Server shutdown: close code 1001 ("going away"), as Phoenix does on a socket-wide disconnect. */
  close(): void {
    this.closeAfterQueued(1001, 'server shutting down');
  }

  /** A deliberate close: frames already queued (the refusal that explains it) leave before the close frame. */
  private closeAfterQueued(code: number, reason?: string): void {
    this.flush();
    this.teardown();
    this.ws.close(code, reason);
  }
}
