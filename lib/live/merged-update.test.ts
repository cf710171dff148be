import { describe, expect, it } from 'vitest';
import { mergedUpdate, typedValues } from './merged-update';

// The database is played by a row held here: write succeeds only against its current version (as
// `update … where version = $expected` does), read returns it. The real queries are driven by the e2e specs.

type Fields = { title: string; tempo_bpm: number | null };
type Row = Fields & { id: string; version: number };

function table(row: Row | null) {
  const writes: Array<[Partial<Fields>, number]> = [];
  let current = row;
  const db = {
    writes,
    bandmateSaves: (fields: Partial<Fields>) => {
      current = { ...current!, ...fields, version: current!.version + 1 };
    },
    write: async (fields: Partial<Fields>, version: number) => {
      writes.push([fields, version]);
      if (!current || current.version !== version) return { data: [], error: null };
      current = { ...current, ...fields, version: version + 1 };
      return { data: [current], error: null };
    },
    read: async () => ({ data: current, error: null }),
  };
  return db;
}

const base: Fields = { title: 'Valerie', tempo_bpm: 106 };

describe('mergedUpdate', () => {
  it('writes everything in one round when nobody saved meanwhile', async () => {
    const db = table({ id: 's', version: 1, ...base });
    const result = await mergedUpdate<Fields, Row>({ mine: { ...base, tempo_bpm: 120 }, base, version: 1, write: db.write, read: db.read });
    expect(result).toEqual({ outcome: 'saved', row: { id: 's', version: 2, title: 'Valerie', tempo_bpm: 120 } });
    expect(db.writes).toHaveLength(1);
  });

  it('after a bandmate’s save to another field, writes only the changed field against their version', async () => {
    const db = table({ id: 's', version: 1, ...base });
    db.bandmateSaves({ title: 'Valerie (live)' });
    const result = await mergedUpdate<Fields, Row>({ mine: { ...base, tempo_bpm: 120 }, base, version: 1, write: db.write, read: db.read });
    expect(result).toEqual({ outcome: 'saved', row: { id: 's', version: 3, title: 'Valerie (live)', tempo_bpm: 120 } });
    expect(db.writes).toEqual([[{ ...base, tempo_bpm: 120 }, 1], [{ tempo_bpm: 120 }, 2]]);
  });

  it('reports a field both changed, with the fields this edit changed, and writes nothing', async () => {
    const db = table({ id: 's', version: 1, ...base });
    db.bandmateSaves({ tempo_bpm: 110 });
    const result = await mergedUpdate<Fields, Row>({ mine: { title: 'Val', tempo_bpm: 120 }, base, version: 1, write: db.write, read: db.read });
    expect(result).toMatchObject({ outcome: 'conflict', conflicts: [{ field: 'tempo_bpm', mine: 120, theirs: 110 }], changed: ['title', 'tempo_bpm'] });
    expect(db.writes).toHaveLength(1);
    expect(typedValues({ title: 'Val', tempo_bpm: '120', id: 's' }, ['title', 'tempo_bpm'])).toEqual({ title: 'Val', tempo_bpm: '120' });
  });

  it('says gone when the row was deleted', async () => {
    const db = table(null);
    expect(await mergedUpdate<Fields, Row>({ mine: base, base, version: 1, write: db.write, read: db.read })).toEqual({ outcome: 'gone' });
  });

  it('gives up, writing nothing more, when bandmates save between every read and write', async () => {
    const db = table({ id: 's', version: 1, ...base });
    const racing = async (fields: Partial<Fields>, version: number) => {
      db.bandmateSaves({ title: `other ${version}` });
      return db.write(fields, version);
    };
    const result = await mergedUpdate<Fields, Row>({ mine: { ...base, tempo_bpm: 120 }, base, version: 1, write: racing, read: db.read });
    expect(result).toEqual({ outcome: 'busy' });
  });
});
