/**
 * Groups work per key so that one slow step (the RLS round trip) costs once per batch instead of once per item:
 * at most `concurrency` batches per key are in flight, and items arriving meanwhile wait and form the next batch.
 * Batches are cut in arrival order but may finish out of order; callers that need delivery order keep it
 * themselves (postgres-changes.ts).
 */
export class SerialBatches<K, T, R> {
  private readonly queues = new Map<K, Queue<T, R>>();

  constructor(
    private readonly process: (key: K, items: T[]) => Promise<R[]>,
    /** Bounds one round trip's size (and the query text) when a backlog builds up. */
    private readonly maxBatch: number,
    private readonly concurrency = 1,
  ) {}

  add(key: K, item: T): Promise<R> {
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = { waiting: [], running: 0, starting: false }));
    const result = new Promise<R>((resolve, reject) => queue.waiting.push({ item, settle: { resolve, reject } }));
    // setImmediate, not a microtask: the replication stream emits a socket chunk's messages synchronously, so a
    // transaction's rows usually join one batch. Another runner starts only while every runner is busy with a batch.
    if (!queue.starting && queue.running < this.concurrency) {
      queue.running++;
      queue.starting = true;
      setImmediate(() => void this.drain(key));
    }
    return result;
  }

  private async drain(key: K): Promise<void> {
    const queue = this.queues.get(key)!;
    queue.starting = false;
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, this.maxBatch);
      try {
        const results = await this.process(
          key,
          batch.map((entry) => entry.item),
        );
        batch.forEach((entry, index) => entry.settle.resolve(results[index]!));
      } catch (error) {
        for (const entry of batch) entry.settle.reject(error);
      }
    }
    if (--queue.running === 0) this.queues.delete(key);
  }
}

interface Queue<T, R> {
  waiting: { item: T; settle: Settle<R> }[];
  running: number;
  /** A runner is scheduled and has not taken its batch yet: it will take whatever arrives meanwhile. */
  starting: boolean;
}

interface Settle<R> {
  resolve(value: R): void;
  reject(error: unknown): void;
}
