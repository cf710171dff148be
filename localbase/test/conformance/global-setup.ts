import type { TestProject as VitestProject } from 'vitest/node';
import { createProject, type TestProject } from '../helpers/project.ts';
import { targetFromEnv, targetFromStatus, type Target } from './target.ts';

let project: TestProject | undefined;

/**
 * One stack per run: a localbase on free ports in a throwaway project — or, with LOCALBASE_TARGET_URL set, any
 * Supabase (`supabase start`, hosted) described by the LOCALBASE_TARGET_* variables (see target.ts).
 */
export async function setup(vitest: VitestProject): Promise<void> {
  let target = targetFromEnv();
  if (!target) {
    project = await createProject();
    const started = await project.cli('start');
    if (started.code !== 0) throw new Error(`localbase start failed:\n${started.stdout}\n${started.stderr}`);
    const vars = JSON.parse((await project.cli('status', '-o', 'json')).stdout) as Record<string, string>;
    target = targetFromStatus(vars);
  }
  vitest.provide('target', target);
}

export async function teardown(): Promise<void> {
  await project?.dispose();
}

declare module 'vitest' {
  export interface ProvidedContext {
    target: Target;
  }
}
