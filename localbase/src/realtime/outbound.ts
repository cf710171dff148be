/**
 * Bounds on what the server holds for its clients. Upstream caps each socket process's heap (RT
 * `config/runtime.exs` `WEBSOCKET_MAX_HEAP_SIZE`, 50 MB by default, applied in `realtime_web/socket.ex`): the BEAM
 * kills a socket whose mailbox outgrows it. Here one socket may hold `MAX_SOCKET_BYTES` unsent, and all sockets
 * together `MAX_TOTAL_BYTES`; above the total the replication reader stops reading WAL (postgres-changes.ts) until
 * the sockets drain, so a backlog waits in PostgreSQL's WAL instead of this process's memory.
 */
export const MAX_SOCKET_BYTES = 8 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

/**
 * A slow consumer is closed with 1013 "try again later" and a reason, not killed as upstream's socket process is
 * (which the client sees as 1006): realtime-js treats both as unclean, reconnects with backoff and rejoins, and the
 * reason tells a developer reading the close event what happened.
 */
export const SLOW_CONSUMER_CLOSE = { code: 1013, reason: 'slow consumer: send buffer exceeded 8 MiB' } as const;

/** What the budget needs to know of a socket: the bytes it holds now (queued here plus unsent in `ws`). */
export interface OutboundQueue {
  pendingBytes(): number;
}

/**
 * The sum of every socket's unsent bytes. `total` is kept incrementally from what each socket reports when it writes
 * (cheap enough to read per change); it misses drains that happened since, so `recount()` reads every socket when a
 * paused reader asks whether to resume.
 */
export class OutboundBudget {
  private readonly queues = new Map<OutboundQueue, number>();
  total = 0;

  report(queue: OutboundQueue, bytes: number): void {
    this.total += bytes - (this.queues.get(queue) ?? 0);
    this.queues.set(queue, bytes);
  }

  remove(queue: OutboundQueue): void {
    this.total -= this.queues.get(queue) ?? 0;
    this.queues.delete(queue);
  }

  recount(): number {
    this.total = 0;
    for (const queue of this.queues.keys()) {
      const bytes = queue.pendingBytes();
      this.queues.set(queue, bytes);
      this.total += bytes;
    }
    return this.total;
  }

  get overLimit(): boolean {
    return this.total > MAX_TOTAL_BYTES;
  }
}

/** Decoded changes not yet delivered, above which the reader pauses (a few KB each, so some tens of MB at most). */
export const MAX_CHANGES_IN_FLIGHT = 8192;
const RESUME_POLL_MS = 20;
const PAUSE_LOG_INTERVAL_MS = 10_000;

/**
 * Pauses a reader while too many changes wait for delivery or the sockets hold too many unsent bytes, and resumes it
 * once both are down to half their limits. The reader's own buffer (one socket read) is the only slack left.
 */
export class Backpressure {
  private inFlight = 0;
  private resumeTimer: NodeJS.Timeout | undefined;
  private lastLog = 0;

  constructor(
    private readonly budget: OutboundBudget,
    private readonly reader: { pause(): void; resume(): void },
    private readonly log: (line: string) => void,
  ) {}

  started(): void {
    this.inFlight++;
    if (!this.resumeTimer && (this.inFlight > MAX_CHANGES_IN_FLIGHT || this.budget.overLimit)) this.pause();
  }

  finished(): void {
    this.inFlight--;
  }

  private pause(): void {
    this.reader.pause();
    if (Date.now() - this.lastLog > PAUSE_LOG_INTERVAL_MS) {
      this.lastLog = Date.now();
      this.log(`realtime: replication reading paused: ${this.inFlight} changes in flight, ${this.budget.total} bytes unsent to clients`);
    }
    this.resumeTimer = setInterval(() => {
      if (this.inFlight > MAX_CHANGES_IN_FLIGHT / 2 || this.budget.recount() > MAX_TOTAL_BYTES / 2) return;
      this.stop();
      this.reader.resume();
    }, RESUME_POLL_MS);
    this.resumeTimer.unref();
  }

  stop(): void {
    clearInterval(this.resumeTimer);
    this.resumeTimer = undefined;
  }
}
