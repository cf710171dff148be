import type { TestProject as VitestProject } from 'vitest/node';
import { createProject, type TestProject } from '../helpers/project.ts';
import { targetFromEnv, targetFromStatus, type Target } from './target.ts';

let project: TestProject | undefined;

/**
 * The mail tests need a project magic-link template (the default one carries no code) and an allow-list to test
 * redirects against; the same entries make a `supabase start` target behave alike.
 */
const MAIL_PROJECT = {
  extraToml: [
    '[auth]',
    'site_url = "http://127.0.0.1:3000"',
    'additional_redirect_urls = ["https://app.example.com/**", "https://*.preview.example.org/auth/callback"]',
    '',
    '[auth.email.template.magic_link]',
    'subject = "Your code is {{ .Token }}"',
    'content_path = "./supabase/templates/magic-link.html"',
    '',
  ].join('\n'),
  files: {
    'supabase/templates/magic-link.html': [
      '<h1>Hello {{ if .Data.name }}{{ .Data.name }}{{ else }}there{{ end }}</h1>',
      '<p>Code for {{ .Email }}: <strong>{{ .Token }}</strong></p>',
      '<p><a href="{{ .ConfirmationURL }}">Sign in</a> to {{ .SiteURL }} (then {{ .RedirectTo }}). Hash {{ .TokenHash }}.</p>',
    ].join('\n'),
  },
};

/**
 * One stack per run: a localbase on free ports in a throwaway project — or, with LOCALBASE_TARGET_URL set, any
 * Supabase (`supabase start`, hosted) described by the LOCALBASE_TARGET_* variables (see target.ts).
 */
export async function setup(vitest: VitestProject): Promise<void> {
  let target = targetFromEnv();
  if (!target) {
    project = await createProject(MAIL_PROJECT);
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
