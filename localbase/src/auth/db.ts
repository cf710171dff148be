import type pg from 'pg';

/** Either the pool or a client inside a transaction: repository functions accept both. */
export type Db = Pick<pg.Pool, 'query'> | pg.PoolClient;

export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function one<T extends pg.QueryResultRow>(db: Db, sql: string, params: unknown[]): Promise<T | undefined> {
  const result = await db.query<T>(sql, params);
  return result.rows[0];
}
