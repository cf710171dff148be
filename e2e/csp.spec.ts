import { createBand } from './band-helpers';
import { expect, test } from './fixtures';

/** connect-src of a response's CSP, as a list of sources. */
function connectSrc(policy: string | undefined): string[] | undefined {
  return policy
    ?.split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === 'connect-src')
    ?.slice(1);
}

test('csp: every page, signed in or out, allows exactly self and the Supabase http and ws origins', async ({ device, browser }) => {
  const { resolveSupabaseEnv } = await import('../scripts/lib/supabase-env.mjs');
  const { url } = await resolveSupabaseEnv({ mode: 'production', start: false });
  const origin = new URL(url);
  const expected = ["'self'", origin.origin, `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`];

  const erin = await device('Erin');
  const bandId = await createBand(erin.page, 'CSP Band');
  const signedIn = ['/bands', `/bands/${bandId}/songs`, `/bands/${bandId}/members`, '/join/DEC0DE2026'];
  for (const path of signedIn) {
    const response = await erin.page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(connectSrc(response?.headers()['content-security-policy']), path).toEqual(expected);
  }

  const visitor = await browser.newContext();
  try {
    for (const path of ['/', '/login', '/signup']) {
      const response = await visitor.request.get(path);
      expect(response.status(), path).toBe(200);
      expect(connectSrc(response.headers()['content-security-policy']), path).toEqual(expected);
    }
  } finally {
    await visitor.close();
  }
});
