import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { againstRow, QUEUE_FORMAT, readQueued, waitingLabel, type QueuedChange } from './format';
import { closeQueueDatabase, deleteQueued, listQueued, putQueued } from './queue-db';
import { replayInOrder, type ReplayResult, type Replays } from './replay';

// fake-indexeddb stands in for the browser's IndexedDB here (Node has none); the e2e offline spec runs the
// same code against Chromium's.

let counter = 0;
function queued(op: string, payload: unknown, extra: Partial<QueuedChange> = {}): QueuedChange {
  counter += 1;
  return { format: QUEUE_FORMAT, id: `c${counter}`, userId: 'u1', bandId: 'b1', table: 'songs', key: `["s${counter}"]`, op, payload, change: null, label: `change ${counter}`, at: counter, ...extra };
}

/** A server stand-in for the replay tests only: records calls, answers by a rule. */
function server(answer: (op: string, payload: unknown) => ReplayResult | 'unreachable') {
  const calls: Array<[string, unknown]> = [];
  const replay = (op: string) => async (payload: unknown) => {
    calls.push([op, payload]);
    const result = answer(op, payload);
    if (result === 'unreachable') throw new TypeError('Failed to fetch');
    return result;
  };
  const replays: Replays = { 'songs.create': replay('songs.create'), 'songs.update': replay('songs.update'), 'songs.delete': replay('songs.delete') };
  return { calls, replays };
}

afterEach(() => {
  closeQueueDatabase();
  indexedDB.deleteDatabase('rock-on-offline');
});

describe('offline queue storage', () => {
  it('lists a band’s changes in the order they were recorded, and forgets removed ones', async () => {
    const first = await putQueued(queued('songs.update', { title: 'A' }));
    const second = await putQueued(queued('songs.create', { title: 'B' }));
    await putQueued(queued('songs.update', { title: 'other band' }, { bandId: 'b2' }));
    const listed = await listQueued('b1');
    expect(listed.map((record) => record.ok && record.change.id)).toEqual([first.id, second.id]);
    await deleteQueued(first.seq!);
    expect((await listQueued('b1')).map((record) => record.ok && record.change.id)).toEqual([second.id]);
  });
});

describe('reading back a queue written by another version of the app', () => {
  it('reports a record in an older or newer format by name instead of replaying or dropping it', () => {
    expect(readQueued({ seq: 4, label: 'Edit “Valerie”', op: 'updateSong', fields: {} })).toEqual({
      ok: false,
      seq: 4,
      label: 'Edit “Valerie”',
      reason: 'an older version of Rock-On saved it in a format this one cannot read',
    });
    expect(readQueued({ ...queued('songs.update', {}), format: QUEUE_FORMAT + 1 })).toMatchObject({ ok: false, reason: expect.stringContaining('newer version') });
    expect(readQueued('junk')).toMatchObject({ ok: false });
    expect(readQueued({ ...queued('songs.update', {}), op: undefined })).toMatchObject({ ok: false, reason: 'its op is missing' });
  });

  it('an op this version no longer knows comes back as a problem, not a silent skip', async () => {
    const { replays } = server(() => ({ status: 'saved' }));
    const answers: Array<[string, unknown]> = [];
    await replayInOrder([queued('songs.rename', {})], replays, { answered: async (change, _result, problem) => void answers.push([change.op, problem]) });
    expect(answers).toEqual([['songs.rename', { status: 'invalid', message: 'This version of Rock-On cannot replay “songs.rename”.', row: undefined }]]);
  });
});

describe('replaying in order', () => {
  it('replays every change once, in recording order', async () => {
    const { calls, replays } = server(() => ({ status: 'saved', row: { version: 2 } }));
    const changes = [queued('songs.update', { n: 1 }), queued('songs.create', { n: 2 }), queued('songs.delete', { n: 3 })];
    const outcome = await replayInOrder(changes, replays, { answered: async () => undefined });
    expect(calls).toEqual([['songs.update', { n: 1 }], ['songs.create', { n: 2 }], ['songs.delete', { n: 3 }]]);
    expect(outcome).toEqual({ answered: 3, unreachable: false });
  });

  it('stops at the first change that cannot reach the server and keeps it and the rest for later', async () => {
    const { calls, replays } = server((_op, payload) => ((payload as { n: number }).n === 2 ? 'unreachable' : { status: 'saved' }));
    const answered: number[] = [];
    const changes = [queued('songs.update', { n: 1 }), queued('songs.update', { n: 2 }), queued('songs.update', { n: 3 })];
    const outcome = await replayInOrder(changes, replays, { answered: async (change) => void answered.push((change.payload as { n: number }).n) });
    expect(answered).toEqual([1]);
    expect(calls.map(([, payload]) => payload)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(outcome).toEqual({ answered: 1, unreachable: true });
  });

  it('keeps a conflict as a problem with the bandmate’s row, and skips changes already waiting on one', async () => {
    const theirs = { id: 's1', version: 3, tempo_bpm: 110 };
    const { calls, replays } = server(() => ({ status: 'conflict', row: theirs, message: 'A bandmate also changed tempo' }));
    const problems: unknown[] = [];
    const waiting = queued('songs.update', { n: 0 }, { problem: { status: 'conflict', message: 'earlier' } });
    await replayInOrder([waiting, queued('songs.update', { n: 1 })], replays, { answered: async (_c, _r, problem) => void problems.push(problem) });
    expect(calls).toHaveLength(1);
    expect(problems).toEqual([{ status: 'conflict', message: 'A bandmate also changed tempo', row: theirs }]);
  });

  it('a replay after the row was deleted settles as gone, without a problem', async () => {
    const { replays } = server(() => ({ status: 'gone', key: { id: 's1' }, message: 'deleted' }));
    const problems: unknown[] = [];
    await replayInOrder([queued('songs.update', {})], replays, { answered: async (_c, _r, problem) => void problems.push(problem) });
    expect(problems).toEqual([undefined]);
  });

  it('replaying a change twice is harmless when the server answers the second as already done', async () => {
    // The server side of this: a version-checked save replayed after it landed merges to "nothing to write"
    // (three-way.test.ts), and a create whose answer was lost is replayed against the real server in
    // e2e/offline.spec.ts (the add answered "saved" with the row it already wrote).
    const { replays } = server(() => ({ status: 'saved', row: { id: 's1', version: 2 } }));
    const change = queued('songs.update', { id: 's1' });
    const results: string[] = [];
    for (let time = 0; time < 2; time += 1) await replayInOrder([change], replays, { answered: async (_c, result) => void results.push(result.status) });
    expect(results).toEqual(['saved', 'saved']);
  });
});

describe('texts and retries', () => {
  it('counts waiting changes in words', () => {
    expect(waitingLabel(1)).toBe('1 change waiting');
    expect(waitingLabel(2)).toBe('2 changes waiting');
  });

  it('“keep mine” retries against the bandmate’s row: its version and its values as the merge base', () => {
    const row = { id: 's1', version: 3, tempo_bpm: 110 };
    expect(againstRow({ id: 's1', version: '1', tempo_bpm: '120', base: '{}' }, row)).toEqual({ id: 's1', version: '3', tempo_bpm: '120', base: JSON.stringify(row) });
  });
});
