import { describe, expect, it } from 'vitest';
import { databaseBroadcast, isMessagesRelation } from '../../src/realtime/db-broadcast.ts';
import type { WalChange } from '../../src/realtime/replication.ts';

const row = {
  topic: 'room:1',
  extension: 'broadcast',
  payload: '{"a": 1, "id": "6f1c2f1e-0000-4000-8000-000000000001"}',
  event: 'evt',
  private: 'f',
  updated_at: '2026-01-01 10:00:00.123456',
  inserted_at: '2026-01-01 10:00:00.123456',
  id: '6f1c2f1e-0000-4000-8000-000000000001',
};

function change(overrides: Partial<WalChange> = {}, record: Record<string, string | null> = row): WalChange {
  return {
    type: 'INSERT',
    relationOid: 1,
    schema: 'realtime',
    table: 'messages_default',
    replicaIdentity: 'default',
    identityColumns: ['id', 'inserted_at'],
    record,
    commitTime: new Date(0),
    xid: 1,
    ...overrides,
  };
}

describe('realtime database broadcasts (RT replication_connection.ex / batch_broadcast.ex)', () => {
  it('recognises realtime.messages and its partitions only', () => {
    expect(isMessagesRelation('realtime', 'messages')).toBe(true);
    expect(isMessagesRelation('realtime', 'messages_default')).toBe(true);
    expect(isMessagesRelation('realtime', 'messages_2026_01_01')).toBe(true);
    expect(isMessagesRelation('public', 'messages')).toBe(false);
    expect(isMessagesRelation('realtime', 'subscription')).toBe(false);
  });

  it('relays an insert as {event, payload, meta: {id}} to the public or private hub topic', () => {
    expect(databaseBroadcast(change())).toEqual({
      serverTopic: 'public:room:1',
      message: { event: 'evt', payload: { a: 1, id: row.id }, meta: { id: row.id } },
    });
    expect(databaseBroadcast(change({}, { ...row, private: 't' }))?.serverTopic).toBe('private:room:1');
  });

  it('ignores updates, deletes and rows missing a field upstream requires', () => {
    expect(databaseBroadcast(change({ type: 'UPDATE' }))).toBeUndefined();
    expect(databaseBroadcast(change({ type: 'DELETE', record: undefined, oldRecord: row }))).toBeUndefined();
    for (const field of ['payload', 'event', 'id', 'topic', 'private', 'inserted_at']) {
      expect(databaseBroadcast(change({}, { ...row, [field]: null }))).toBeUndefined();
    }
  });

  it('keeps JSON payloads of any shape (realtime.send accepts any jsonb)', () => {
    expect(databaseBroadcast(change({}, { ...row, payload: '[1, "x"]' }))?.message.payload).toEqual([1, 'x']);
    expect(databaseBroadcast(change({}, { ...row, payload: '"text"' }))?.message.payload).toBe('text');
  });
});
