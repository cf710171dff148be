import { expect, type Locator, type Page } from '@playwright/test';
import { addSong } from './band-helpers';

// UI steps of the setlist specs, by role and label as a user finds things.

export function itemList(page: Page): Locator {
  return page.getByRole('list', { name: 'Setlist items' });
}

/** The items' accessible names (titles) in the order the page shows them. */
export function itemTitles(page: Page): Promise<string[]> {
  return itemList(page)
    .locator(':scope > li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
}

export function item(page: Page, title: string): Locator {
  return itemList(page).getByRole('listitem', { name: title, exact: true });
}

/** Adds `count` songs of 3:00 each, keys cycling through Am, C, G, titled `${prefix} 1…count`; returns the titles. */
export async function addSongs(page: Page, prefix: string, count: number): Promise<string[]> {
  const keys = ['Am', 'C', 'G'];
  const titles: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const title = `${prefix} ${String(index).padStart(2, '0')}`;
    await addSong(page, { title, key: keys[(index - 1) % keys.length], duration: '3:00' });
    titles.push(title);
  }
  // Every optimistic row has been answered (none is still "Saving…").
  await expect(page.locator('[data-pending]')).toHaveCount(0);
  return titles;
}

/** Creates a setlist from the band's setlists page; lands in its editor and returns its id. */
export async function createSetlist(page: Page, bandId: string, name: string, target?: string): Promise<string> {
  await page.goto(`/bands/${bandId}/setlists`);
  await page.getByRole('button', { name: 'New setlist' }).click();
  const form = page.getByRole('form', { name: 'New setlist' });
  await form.getByLabel('Setlist name').fill(name);
  if (target !== undefined) await form.getByLabel('Target length').fill(target);
  await form.getByRole('button', { name: 'Create setlist' }).click();
  await expect(page).toHaveURL(new RegExp(`/bands/${bandId}/setlists/[0-9a-f-]{36}$`));
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  return /\/setlists\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
}

export async function addFromLibrary(page: Page, title: string): Promise<void> {
  await page.getByRole('list', { name: 'Song library' }).getByRole('button', { name: `Add ${title}`, exact: true }).click();
}

/**
 * Resolves where a mouse drag of `title` onto `target`'s row starts and ends, and returns the drag itself as raw
 * mouse events (no locator queries while it runs). dnd-kit's closestCenter picks the row under the drop point.
 */
export async function dragPath(page: Page, title: string, target: string): Promise<() => Promise<void>> {
  const handle = page.getByRole('button', { name: `Move ${title}`, exact: true });
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await item(page, target).boundingBox())!;
  const x = from.x + from.width / 2;
  return async () => {
    await page.mouse.move(x, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(x, from.y + from.height / 2 + 8, { steps: 2 });
    await page.mouse.move(x, to.y + to.height / 2 + 2, { steps: 8 });
    await page.mouse.up();
  };
}

export async function dragWithMouse(page: Page, title: string, target: string): Promise<void> {
  await (await dragPath(page, title, target))();
}

/**
 * With a drag handle focused, moves its item `steps` places down (negative: up): space lifts, arrows move, space
 * drops. A person's key presses are a tenth of a second apart at least; dnd-kit measures the new place between them.
 */
export async function pressToMove(page: Page, steps: number): Promise<void> {
  await page.keyboard.press('Space');
  for (let step = 0; step < Math.abs(steps); step += 1) {
    await page.waitForTimeout(120);
    await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  }
  await page.waitForTimeout(120);
  await page.keyboard.press('Space');
}

/** Moves `title` `steps` places down (negative: up) with the keyboard. */
export async function moveWithKeyboard(page: Page, title: string, steps: number): Promise<void> {
  await page.getByRole('button', { name: `Move ${title}`, exact: true }).focus();
  await pressToMove(page, steps);
}

/** `order` after moving `moving` to index `to` (dnd-kit arrayMove). */
export function arrayMove(order: string[], moving: string, to: number): string[] {
  const rest = order.filter((title) => title !== moving);
  rest.splice(to, 0, moving);
  return rest;
}
