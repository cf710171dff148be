import { relative } from 'node:path';
import type { LocalbaseConfig } from '../config.ts';
import { timed, type Step } from '../shared/progress.ts';
import { applyBaseSchema } from './base-schema.ts';
import { applyPendingMigrations, applySeed } from './migrations.ts';
import { resilientClient } from './pg-connections.ts';
import { superuserUrl } from './postgres-process.ts';

export interface BootstrapReport {
  step(step: Step): void;
  info(text: string): void;
}

/** Base schema, pending migrations and, for a fresh database, the seed: what `start` and `db reset` share. */
export async function bootstrapDatabase(config: LocalbaseConfig, fresh: boolean, report: BootstrapReport): Promise<void> {
  const client = resilientClient({ connectionString: superuserUrl(config.db.port) });
  // The server reports NOTICEs (e.g. "relation already exists, skipping") on the client; they are not errors.
  client.on('notice', () => undefined);
  await client.connect();
  try {
    await timed('Applied base schema (roles, auth, realtime, extensions)', report.step, () => applyBaseSchema(client));
    let count = 0;
    await timed('Migrations', (s) => report.step({ ...s, name: count ? `Applied ${count} migration${count === 1 ? '' : 's'}` : 'Migrations up to date' }), async () => {
      const result = await applyPendingMigrations(client, config, (file) => report.info(`Applying migration ${relative(config.projectRoot, file.path)}...`));
      for (const name of result.ignored) report.info(`Skipping migration ${name}... (file name must match pattern "<timestamp>_name.sql")`);
      count = result.applied.length;
    });
    if (fresh) {
      let seeded: string[] = [];
      await timed('Seed', (s) => report.step({ ...s, name: seeded.length ? `Seeded data from ${seeded.join(', ')}` : 'No seed file found' }), async () => {
        seeded = await applySeed(client, config);
      });
    }
    // The REST schema cache listens here, as PostgREST does, so new tables are served without a restart.
    await client.query("notify pgrst, 'reload schema'");
  } finally {
    await client.end();
  }
}
