import AxeBuilder from '@axe-core/playwright';
import { createClient } from '@supabase/supabase-js';
import type { APIRequestContext, Page } from '@playwright/test';
import ical, { type VEvent } from 'node-ical';
import type { Database } from '@/lib/database.types';
import { createBand } from './band-helpers';
import { expect, PASSWORD, test, type Device } from './fixtures';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A show written as the device's user through the API (the show form is not part of this spec). */
async function addShow(device: Device, bandId: string, show: { title: string; starts_at: string; time_zone: string }): Promise<void> {
  const { resolveSupabaseEnv } = await import('../scripts/lib/supabase-env.mjs');
  const { url, env } = await resolveSupabaseEnv({ mode: 'production', start: false });
  const key = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;
  const supabase = createClient<Database>(url, key!, { auth: { persistSession: false, autoRefreshToken: false } });
  const signIn = await supabase.auth.signInWithPassword({ email: device.email, password: PASSWORD });
  expect(signIn.error).toBeNull();
  const insert = await supabase.from('shows').insert({ band_id: bandId, status: 'confirmed', ...show });
  expect(insert.error).toBeNull();
  await supabase.auth.signOut({ scope: 'local' }); // the default (global) would end the browser's session too
}

/** What a calendar app gets: no cookies, no redirects followed. */
async function fetchFeed(request: APIRequestContext, link: string) {
  const response = await request.get(new URL(link).pathname, { maxRedirects: 0 });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

async function expectGone(request: APIRequestContext, link: string): Promise<void> {
  const { status, body } = await fetchFeed(request, link);
  expect(status).toBe(404);
  expect(body).toBe('');
}

test('calendar feed: create, copy and subscribe without a session; a new link retires the old one; turning off ends it', async ({ device, playwright, baseURL }) => {
  // Sign-up, a band, three axe passes and five feed fetches: more than the default 30 s on a busy 2-core box.
  test.setTimeout(90_000);
  const fay = await device('Fay');
  await fay.page.setViewportSize({ width: 390, height: 844 });
  await fay.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const bandId = await createBand(fay.page, 'Feed Band');
  // 21:00 in Lisbon on the night the clocks go forward: 20:00 UTC.
  await addShow(fay, bandId, { title: 'Spring Forward Gig', starts_at: '2027-03-28T20:00:00Z', time_zone: 'Europe/Lisbon' });
  const request = await playwright.request.newContext({ baseURL });

  await fay.page.goto('/settings/calendar');
  await expect(fay.page.getByRole('heading', { level: 1, name: 'Calendar feed' })).toBeVisible();
  await expectNoAxeViolations(fay.page);
  await fay.page.getByRole('button', { name: 'Create my calendar link' }).click();
  const linkInput = fay.page.getByLabel('Your calendar link');
  await expect(linkInput).toHaveValue(/\/calendar\/[0-9a-f]{64}\.ics$/);
  const link = await linkInput.inputValue();

  await fay.page.getByRole('button', { name: 'Copy link' }).click();
  await expect(fay.page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await fay.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectNoAxeViolations(fay.page);

  const feed = await fetchFeed(request, link);
  expect(feed.status).toBe(200);
  expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
  expect(feed.headers['cache-control']).toBe('private, max-age=300');
  expect(feed.headers['x-robots-tag']).toBe('noindex');
  const events = Object.values(ical.sync.parseICS(feed.body)).filter((c): c is VEvent => c?.type === 'VEVENT');
  const gig = events.find((event) => event.summary === 'Feed Band: Spring Forward Gig');
  expect(gig?.start.toISOString()).toBe('2027-03-28T20:00:00.000Z');
  expect(gig?.start.tz).toBe('Europe/Lisbon');

  await fay.page.getByRole('button', { name: 'Get a new link' }).click();
  await expect(fay.page.getByText('The current link stops working at once')).toBeVisible();
  // Offline the form says so and keeps the link as it was.
  await fay.context.setOffline(true);
  await fay.page.getByRole('button', { name: 'Yes, get a new link' }).click();
  await expect(fay.page.getByRole('alert').filter({ hasText: 'Could not reach the server' })).toBeVisible();
  await expect(linkInput).toHaveValue(link);
  await fay.context.setOffline(false);
  await fay.page.getByRole('button', { name: 'Yes, get a new link' }).click();
  await expect(linkInput).not.toHaveValue(link);
  const newLink = await linkInput.inputValue();
  expect(newLink).toMatch(/\/calendar\/[0-9a-f]{64}\.ics$/);
  await expectGone(request, link);
  expect((await fetchFeed(request, newLink)).status).toBe(200);

  await fay.page.getByRole('button', { name: 'Turn off' }).click();
  await fay.page.getByRole('button', { name: 'Yes, turn it off' }).click();
  await expect(fay.page.getByRole('button', { name: 'Create my calendar link' })).toBeVisible();
  await expectGone(request, newLink);
  await expectGone(request, `${baseURL}/calendar/not-a-token.ics`);
  expect(await fay.page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  await request.dispose();
});
