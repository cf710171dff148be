import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { readQueued, type QueuedChange, type ReadBack } from './format';

// The queue's IndexedDB storage (via idb): one object store, auto-increment keys giving the recording order.

const NAME = 'rock-on-offline';
const STORE = 'changes';

interface QueueSchema extends DBSchema {
  changes: { key: number; value: QueuedChange; indexes: { band: string } };
}

let opened: Promise<IDBPDatabase<QueueSchema>> | undefined;

function database(): Promise<IDBPDatabase<QueueSchema>> {
  opened ??= openDB<QueueSchema>(NAME, 1, {
    upgrade(db) {
      const store = db.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
      store.createIndex('band', 'bandId');
    },
  });
  return opened;
}

/** Stores a change; resolves with it as stored (with its seq). */
export async function putQueued(change: QueuedChange): Promise<QueuedChange> {
  const db = await database();
  const seq = await db.put(STORE, change);
  return { ...change, seq };
}

/** The band's records in recording order, each read defensively (see readQueued). */
export async function listQueued(bandId: string): Promise<ReadBack[]> {
  const db = await database();
  const records: unknown[] = await db.getAllFromIndex(STORE, 'band', bandId);
  return records.map(readQueued).sort((a, b) => seqOf(a) - seqOf(b));
}

function seqOf(record: ReadBack): number {
  return (record.ok ? record.change.seq : record.seq) ?? 0;
}

export async function deleteQueued(seq: number): Promise<void> {
  const db = await database();
  await db.delete(STORE, seq);
}

/** Forgets the connection (tests open a fresh fake database per case). */
export function closeQueueDatabase(): void {
  void opened?.then((db) => db.close());
  opened = undefined;
}
