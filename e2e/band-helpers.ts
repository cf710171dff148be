import { expect, type Locator, type Page } from '@playwright/test';
import type { Device } from './fixtures';

// UI steps shared by the specs, written against roles and labels the way a user finds things.

export type SongInput = { title?: string; artist?: string; key?: string; tempo?: string; duration?: string; notes?: string };

/** Creates a band from /bands; returns its id (from the URL it lands on). */
export async function createBand(page: Page, name: string): Promise<string> {
  await page.goto('/bands');
  await page.getByRole('button', { name: 'Start a band' }).click();
  await page.getByLabel('Band name').fill(name);
  await page.getByRole('button', { name: 'Create band' }).click();
  await expect(page).toHaveURL(/\/bands\/[0-9a-f-]{36}\/songs$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return /\/bands\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
}

/** Creates an invite on the members page; returns the code and the link shown there. */
export async function createInvite(page: Page, bandId: string): Promise<{ code: string; link: string }> {
  await page.goto(`/bands/${bandId}/members`);
  await page.getByRole('button', { name: 'Create invite' }).click();
  const code = (await page.getByTestId('invite-code').textContent({ timeout: 10_000 }))!.trim();
  expect(code).toMatch(/^[0-9A-F]{10}$/);
  const link = (await page.getByTestId('invite-link').textContent())!.trim();
  expect(link).toMatch(new RegExp(`/join/${code}$`));
  return { code, link };
}

/** Follows an invite link and joins; lands on the band's songs. */
export async function joinByLink(page: Page, link: string, bandId: string): Promise<void> {
  await page.goto(new URL(link).pathname);
  await page.getByRole('button', { name: 'Join band' }).click();
  await expect(page).toHaveURL(new RegExp(`/bands/${bandId}/songs$`));
}

export function connection(page: Page): Locator {
  return page.getByRole('status', { name: 'Connection' });
}

/** Waits until the songs channel is joined (the indicator says Live). */
export async function expectLive(page: Page, timeout = 15_000): Promise<void> {
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout });
}

export function songRow(page: Page, title: string): Locator {
  return page.getByRole('list', { name: 'Songs' }).getByRole('listitem', { name: title, exact: true });
}

async function fill(scope: Locator, input: SongInput): Promise<void> {
  if (input.title !== undefined) await scope.getByLabel('Title').fill(input.title);
  if (input.artist !== undefined) await scope.getByLabel('Artist').fill(input.artist);
  if (input.key !== undefined) await scope.getByLabel('Key').fill(input.key);
  if (input.tempo !== undefined) await scope.getByLabel('Tempo (BPM)').fill(input.tempo);
  if (input.duration !== undefined) await scope.getByLabel('Duration').fill(input.duration);
  if (input.notes !== undefined) await scope.getByLabel('Notes').fill(input.notes);
}

export async function addSong(page: Page, input: SongInput & { title: string }): Promise<void> {
  const form = await openAddSong(page);
  await fill(form, input);
  await form.getByRole('button', { name: 'Add song' }).click();
  await expect(songRow(page, input.title)).toBeVisible();
}

/** Opens the "Add a song" sheet; returns its form. */
export async function openAddSong(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Add a song' }).click();
  return page.getByRole('dialog', { name: 'Add a song' }).getByRole('form', { name: 'Add a song' });
}

/** Opens the edit form of the song titled `title`; returns the form. */
export async function openEditor(page: Page, title: string): Promise<Locator> {
  await songRow(page, title).getByRole('button', { name: 'Edit' }).click();
  return page.getByRole('form', { name: `Edit ${title}` });
}

export async function saveEdit(form: Locator, input: SongInput): Promise<void> {
  await fill(form, input);
  await form.getByRole('button', { name: 'Save' }).click();
}

export async function deleteSong(page: Page, title: string): Promise<void> {
  const row = songRow(page, title);
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(row).toHaveCount(0);
}

export function onlineNow(page: Page): Locator {
  return page.getByRole('list', { name: 'Online now' }).getByRole('listitem');
}

/** Alice creates a band, Bob joins it by invite link, and both are on its songs page with Realtime live. */
export async function bandOfTwo(device: (name: string) => Promise<Device>, bandName: string) {
  const alice = await device('Alice');
  const bob = await device('Bob');
  const bandId = await createBand(alice.page, bandName);
  const { link } = await createInvite(alice.page, bandId);
  await joinByLink(bob.page, link, bandId);
  await alice.page.goto(`/bands/${bandId}/songs`);
  await expectLive(alice.page);
  await expectLive(bob.page);
  return { alice, bob, bandId };
}
