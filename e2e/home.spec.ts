import { expect, test } from '@playwright/test';

test('home: renders the headline without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: /in sync/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Setlists', exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(errors).toEqual([]);
});

test('home: CSP connect-src allows self and exactly the Supabase http and ws origins', async ({ page }) => {
  // The same resolution the web server used (environment, .env files, else the running localbase). A dynamic
  // import because Playwright compiles this spec to CommonJS and would mangle a static import of an .mjs file.
  const { resolveSupabaseEnv } = await import('../scripts/lib/supabase-env.mjs');
  const { url } = await resolveSupabaseEnv({ mode: 'production', start: false });
  const origin = new URL(url);
  const wsOrigin = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;

  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'];
  expect(policy, 'Content-Security-Policy header').toBeTruthy();

  const connectSrc = policy!
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === 'connect-src')
    ?.slice(1);
  expect(connectSrc).toEqual(["'self'", origin.origin, wsOrigin]);
  expect(connectSrc!.filter((source) => source.includes('*') || /^[a-z][a-z0-9+.-]*:$/i.test(source))).toEqual([]);
});
