import type { Locator, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { createBand, expectLive, openAddSong, songRow } from './band-helpers';
import { expect, test } from './fixtures';
import { apiAs, fillBand, horizontalOverflow, PHONE, seriousAxeViolations, smallTargets } from './phone-helpers';

// Phone first (390×844): the visitor's way in, then every app page measured — its list starts on the first
// screen, nothing scrolls sideways, every target is at least 44×44, axe finds nothing serious — and the song list's
// search, sort and filter, the limits of a form, and the styled 404/400 pages.

async function measure(page: Page, path: string, first: Locator): Promise<string[]> {
  const problems: string[] = [];
  await page.goto(path);
  await expect(first, `${path}: first list item`).toBeVisible();
  const box = (await first.boundingBox())!;
  if (box.y + Math.min(box.height, 44) > PHONE.height) problems.push(`${path}: first item starts at y=${Math.round(box.y)}, below the first screen`);
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) problems.push(`${path}: scrolls sideways by ${overflow}px`);
  for (const target of await smallTargets(page)) problems.push(`${path}: small target ${target}`);
  for (const violation of await seriousAxeViolations(page)) problems.push(`${path}: axe ${violation}`);
  return problems;
}

test('phone screens: a visitor gets from the home page to a first band', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  // Nothing that is not built is promised.
  await expect(page.getByText(/chat|stage mode/i)).toHaveCount(0);

  await page.getByRole('link', { name: 'Sign up free' }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await page.getByLabel('Your name').fill('Nova');
  await page.getByLabel('Email').fill(`nova-${Date.now().toString(36)}-${process.pid}@e2e.rock-on.test`);
  await page.getByLabel('Password').fill('e2e-password-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/bands$/);
  await expect(page.getByText('You are not in a band yet')).toBeVisible();

  await page.getByRole('button', { name: 'Start a band' }).click();
  const sheet = page.getByRole('dialog', { name: 'Start a band' });
  await expect(sheet.getByLabel('Band name')).toBeFocused();
  await sheet.getByLabel('Band name').fill('First Light');
  await sheet.getByRole('button', { name: 'Create band' }).click();
  await expect(page).toHaveURL(/\/bands\/[0-9a-f-]{36}\/songs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'First Light' })).toBeVisible();

  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Open your bands' }).first()).toBeVisible();
  await context.close();
});

test('phone screens: every page shows its list first, fits 390 px, has 44 px targets and passes axe', async ({ device }) => {
  test.setTimeout(300_000); // ten pages, each measured and run through axe, on a shared 2-core machine
  const pia = await device('Pia');
  const bandId = await createBand(pia.page, 'Pocket Band');
  const { setlistId, showId, practiceId } = await fillBand(pia, bandId, ['Intro Jam', 'Zombie', 'Valerie', 'Seven Nation Army']);
  const { page } = pia;
  await page.setViewportSize(PHONE);
  const firstOf = (list: string) => page.getByRole('list', { name: list, exact: true }).getByRole('listitem').first();
  const band = `/bands/${bandId}`;
  const pages: Array<[string, Locator]> = [
    ['/bands', firstOf('Your bands')],
    [band, firstOf('Upcoming events')],
    [`${band}/calendar`, firstOf('Upcoming events')],
    [`${band}/songs`, firstOf('Songs')],
    [`${band}/setlists`, firstOf('Setlists')],
    [`${band}/setlists/${setlistId}`, firstOf('Setlist items')],
    [`${band}/shows/${showId}`, firstOf('Answers')],
    [`${band}/practice/${practiceId}`, firstOf('Agenda')],
    [`${band}/availability`, page.getByTestId('availability-grid').locator('tbody tr').first()],
    [`${band}/members`, firstOf('Members')],
    ['/settings/calendar', page.getByRole('region', { name: 'Calendar link' })],
    ['/settings/profile', page.getByRole('heading', { name: 'Your profile', level: 1 })],
    ['/settings/account', page.getByRole('heading', { name: 'Account', level: 1 })],
    ['/settings/password', page.getByRole('heading', { level: 1 })],
  ];
  const problems: string[] = [];
  for (const [path, first] of pages) problems.push(...(await measure(page, path, first)));
  expect(problems).toEqual([]);
});

test('phone screens: the signed-out and status pages fit a phone and pass axe', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const pages: Array<[string, number, Locator]> = [
    ['/login', 200, page.getByRole('heading', { level: 1 })],
    ['/signup', 200, page.getByRole('heading', { level: 1 })],
    ['/forgot-password', 200, page.getByRole('heading', { level: 1 })],
    ['/login/email', 200, page.getByRole('heading', { level: 1 })],
    ['/auth/link-error', 200, page.getByRole('heading', { level: 1 })],
    ['/no-such-page', 404, page.getByRole('heading', { name: 'We can’t find that page' })],
    ['/join/%', 400, page.getByRole('heading', { name: 'That link is broken' })],
  ];
  const problems: string[] = [];
  for (const [path, status, first] of pages) {
    const response = await page.goto(path);
    if (response?.status() !== status) problems.push(`${path}: status ${response?.status()}, expected ${status}`);
    problems.push(...(await measure(page, path, first)));
  }
  expect(problems).toEqual([]);
  await context.close();
});

test('phone screens: the song list searches as you type, sorts, filters by status and keeps it in the URL', async ({ device }) => {
  test.setTimeout(90_000);
  const quinn = await device('Quinn');
  const bandId = await createBand(quinn.page, 'Search Band');
  await fillBand(quinn, bandId, ['Intro Jam', 'Zombie', 'Valerie', 'Seven Nation Army']);
  const { page } = quinn;
  await page.setViewportSize(PHONE);
  await page.goto(`/bands/${bandId}/songs`);
  await expectLive(page);
  const titles = () => page.getByRole('list', { name: 'Songs' }).locator(':scope > li [data-field="title"]').allTextContents();
  await expect.poll(titles).toEqual(['Intro Jam', 'Seven Nation Army', 'Valerie', 'Zombie']);

  await page.getByLabel('Search songs').pressSequentially('zom');
  await expect.poll(titles).toEqual(['Zombie']);
  await expect(page).toHaveURL(/\?q=zom$/);
  await page.getByLabel('Search songs').fill('');

  // Tempo: 80, 100, 120, 140 in insertion order; the chips say the status in words.
  await page.getByLabel('Sort by').selectOption('tempo');
  await expect.poll(titles).toEqual(['Intro Jam', 'Zombie', 'Valerie', 'Seven Nation Army']);
  await expect(songRow(page, 'Zombie').locator('[data-field="status"]')).toHaveText('Ready');
  await page.getByLabel('Filter by status').selectOption('ready');
  await expect.poll(titles).toEqual(['Zombie', 'Seven Nation Army']);
  await expect(page).toHaveURL(/sort=tempo&status=ready/);

  // The query survives a reload; a bandmate's (here: another device's) edit lands in its place live.
  await page.reload();
  await expectLive(page);
  await expect.poll(titles).toEqual(['Zombie', 'Seven Nation Army']);
  const api = await apiAs(quinn);
  const update = await api.from('songs').update({ tempo_bpm: 200 }).eq('band_id', bandId).eq('title', 'Zombie');
  expect(update.error).toBeNull();
  await expect.poll(titles).toEqual(['Seven Nation Army', 'Zombie']);
  await expect(songRow(page, 'Zombie').locator('[data-field="tempo_bpm"]')).toHaveText('200 BPM');
  await api.auth.signOut({ scope: 'local' });

  await page.getByLabel('Search songs').fill('nothing like this');
  await expect(page.getByText('No song matches “nothing like this” among ready songs.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filter' }).click();
  // Search and filter cleared, the sort kept: Zombie is now the fastest.
  await expect.poll(titles).toEqual(['Intro Jam', 'Valerie', 'Seven Nation Army', 'Zombie']);
  await expect(page.getByLabel('Search songs')).toHaveValue('');
});

test('phone screens: a 10,000-character paste is kept whole, counted and refused in words, with focus on it', async ({ device }) => {
  const rae = await device('Rae');
  await createBand(rae.page, 'Paste Band');
  const { page } = rae;
  await page.setViewportSize(PHONE);
  const form = await openAddSong(page);
  await form.getByLabel('Title').fill('Long Notes');
  await expect(form.locator('#new-song-title-count')).toHaveText('10 / 200');
  const notes = form.getByLabel('Notes');
  await notes.focus();
  await page.keyboard.insertText('x'.repeat(10_000)); // what a paste inserts; maxlength would cut it here
  await expect(notes).toHaveValue('x'.repeat(10_000));
  await expect(form.locator('#new-song-notes-count')).toHaveText('10,000 / 2,000, 8,000 too many');
  await expect(form.getByText('m:ss, e.g. 3:45')).toBeVisible();

  await form.getByRole('button', { name: 'Add song' }).click();
  await expect(form.getByText('Notes must be at most 2000 characters')).toBeVisible();
  await expect(notes).toHaveValue('x'.repeat(10_000));
  await expect(notes).toBeFocused();
  await expect(notes).toHaveAttribute('aria-invalid', 'true');
  await expect(notes).toHaveAttribute('aria-describedby', 'new-song-notes-count new-song-notes-error');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await expect(page.getByRole('list', { name: 'Songs' })).toHaveCount(0);
});

test('phone screens: unknown pages answer a styled 404 and malformed links a styled 400, each with a way back', async ({ device, request }) => {
  test.setTimeout(90_000);
  const sid = await device('Sid');
  sid.tolerate(/status of (404|400) /); // the browser logs the pages' own status codes, which are the point here
  const { page } = sid;
  await page.setViewportSize(PHONE);

  expect((await request.get('/no-such-page')).status()).toBe(404);
  const badJoin = await request.get('/join/%');
  expect(badJoin.status()).toBe(400);
  expect(await badJoin.text()).toContain('That link is broken');
  expect((await request.get('/bands/%E0%A4%A')).status()).toBe(400);

  for (const [path, status, heading] of [
    ['/no-such-page', 404, 'We can’t find that page'],
    [`/bands/${randomUUID()}`, 404, 'We can’t find that page'],
    ['/join/%', 400, 'That link is broken'],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to your bands' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }
  await page.getByRole('link', { name: 'Go to your bands' }).click();
  await expect(page).toHaveURL(/\/bands$/);
});
