import WebSocket from 'ws';

export interface RealtimeFrame {
  topic: string;
  event: string;
  ref: string | null;
  payload: Record<string, unknown>;
}

export type Handshake = { kind: 'open'; socket: WebSocket } | { kind: 'refused'; status: number; body: string } | { kind: 'error'; error: string };

/** Opens a WebSocket and reports the HTTP status of the upgrade: 101, or the refusal and its body. */
export function handshake(url: string, timeoutMs: number): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    socket.once('open', () => resolve({ kind: 'open', socket }));
    let refused = false;
    socket.once('unexpected-response', (_request, response) => {
      refused = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ kind: 'refused', status: response.statusCode ?? 0, body: body.slice(0, 300) }));
      response.on('error', () => resolve({ kind: 'refused', status: response.statusCode ?? 0, body }));
      socket.terminate();
    });
    // Aborting a refused handshake emits an error too; the refusal, read above, is the finding.
    socket.on('error', (error) => {
      if (!refused) resolve({ kind: 'error', error: error.message });
    });
  });
}

/** Phoenix vsn 1.0.0 frames over one socket: every frame received is kept, so a check can wait for one later. */
export class PhoenixClient {
  readonly frames: RealtimeFrame[] = [];
  private readonly waiters = new Set<() => void>();
  private ref = 0;

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      try {
        const frame = JSON.parse(String(data)) as RealtimeFrame;
        this.frames.push(frame);
      } catch {
        return;
      }
      for (const wake of this.waiters) wake();
    });
    socket.on('error', () => undefined);
  }

  /** Sends a frame and returns its ref, for matching the `phx_reply`. */
  push(topic: string, event: string, payload: unknown, joinRef?: string): string {
    const ref = String(++this.ref);
    this.socket.send(JSON.stringify({ topic, event, payload, ref, join_ref: joinRef ?? (event === 'phx_join' ? ref : null) }));
    return ref;
  }

  waitFor(match: (frame: RealtimeFrame) => boolean, ms: number): Promise<RealtimeFrame | undefined> {
    const found = this.frames.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(undefined), ms);
      const wake = () => {
        const frame = this.frames.find(match);
        if (frame) finish(frame);
      };
      const onClose = () => finish(undefined);
      const finish = (frame: RealtimeFrame | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        this.socket.off('close', onClose);
        resolve(frame);
      };
      this.waiters.add(wake);
      this.socket.once('close', onClose);
    });
  }

  close(): void {
    this.socket.terminate();
  }
}
