import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

// UI steps of the calendar specs, by role and label as a user finds things.

export type ShowInput = {
  title: string;
  date: string;
  starts: string;
  zone?: string;
  setStart?: string;
  setEnd?: string;
  setlist?: string;
  fee?: string;
  venue?: string;
};

/** Opens "Plan a show" on the band's calendar and fills it in; returns the form (not yet submitted). */
export async function fillNewShow(page: Page, bandId: string, input: ShowInput): Promise<Locator> {
  if (!page.url().endsWith(`/bands/${bandId}/calendar`)) await page.goto(`/bands/${bandId}/calendar`);
  await page.getByRole('button', { name: 'Plan a show' }).click();
  const form = page.getByRole('form', { name: 'New show' });
  await form.getByLabel('Title').fill(input.title);
  await form.getByLabel('Date').fill(input.date);
  await form.getByLabel('Starts (venue time)').fill(input.starts);
  await form.getByLabel('Time zone').fill(input.zone ?? 'Europe/Lisbon');
  if (input.setStart) await form.getByLabel('Set starts').fill(input.setStart);
  if (input.setEnd) await form.getByLabel('Set ends').fill(input.setEnd);
  if (input.setlist) await form.getByLabel('Setlist').selectOption({ label: input.setlist });
  if (input.fee) await form.getByLabel('Fee').fill(input.fee);
  if (input.venue) await form.getByLabel('Venue').fill(input.venue);
  return form;
}

/** Plans a show and lands on its page; returns its id. */
export async function planShow(page: Page, bandId: string, input: ShowInput): Promise<string> {
  const form = await fillNewShow(page, bandId, input);
  await form.getByRole('button', { name: 'Plan show' }).click();
  await expect(page).toHaveURL(new RegExp(`/bands/${bandId}/shows/[0-9a-f-]{36}$`));
  await expect(page.getByRole('heading', { level: 2, name: input.title })).toBeVisible();
  return /\/shows\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
}

export function eventCard(page: Page, eventId: string): Locator {
  return page.getByTestId(`event-${eventId}`);
}

export function counts(scope: Locator | Page): Locator {
  return scope.getByTestId('answer-counts');
}

/** Taps yes/maybe/no on an event card or event page. */
export async function answer(scope: Locator | Page, choice: 'Yes' | 'Maybe' | 'No'): Promise<void> {
  const button = scope.getByRole('group', { name: 'Your answer' }).getByRole('button', { name: choice, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** axe finds nothing, and nothing scrolls sideways at the current (phone) width. */
export async function expectAccessibleAtPhoneWidth(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

/** Plans a practice from the band's calendar; lands on its page and returns its path. */
export async function planPractice(page: Page, bandId: string, date = '2027-01-15'): Promise<string> {
  await page.goto(`/bands/${bandId}/calendar`);
  await page.getByRole('button', { name: 'Plan a practice' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plan a practice' });
  await dialog.getByLabel('Date').fill(date);
  await dialog.getByLabel('Start').fill('18:30');
  await dialog.getByLabel('End').fill('21:00');
  await dialog.getByLabel(/Time zone/).fill('Europe/Berlin');
  await dialog.getByRole('button', { name: 'Save practice' }).click();
  await expect(page).toHaveURL(new RegExp(`/bands/${bandId}/practice/[0-9a-f-]{36}$`));
  return new URL(page.url()).pathname;
}

export async function addToAgenda(page: Page, title: string, goal: string): Promise<void> {
  const add = page.getByRole('form', { name: 'Add to the agenda' });
  await add.getByLabel('Song').selectOption({ label: title });
  await add.getByLabel(/Goal, optional/).fill(goal);
  await add.getByRole('button', { name: 'Add to agenda' }).click();
}
