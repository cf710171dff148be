import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject as VitestProject } from 'vitest/node';
import { createProject, type TestProject } from '../../localbase/test/helpers/project';
import type { Stack } from './support';

const SUPABASE_DIR = fileURLToPath(new URL('..', import.meta.url));
let project: TestProject | undefined;

/**
 * One throwaway localbase per run on free ports, loaded with this repository's migrations and seed exactly as
 * `db reset` would: the dev stack on 54321/54322 (and any e2e run on it) is left alone.
 */
export async function setup(vitest: VitestProject): Promise<void> {
  const migrations = Object.fromEntries(
    readdirSync(`${SUPABASE_DIR}/migrations`)
      .filter((file) => file.endsWith('.sql'))
      .map((file) => [file, readFileSync(`${SUPABASE_DIR}/migrations/${file}`, 'utf8')]),
  );
  project = await createProject({ migrations, seed: readFileSync(`${SUPABASE_DIR}/seed.sql`, 'utf8') });
  const started = await project.cli('start');
  if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
  const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
  vitest.provide('stack', { url: vars.API_URL!, dbUrl: vars.DB_URL!, anonKey: vars.ANON_KEY! });
}

export async function teardown(): Promise<void> {
  await project?.dispose();
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: Stack;
  }
}
