import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addSong, createBand } from './band-helpers';
import { expect, test } from './fixtures';
import { addFromLibrary, createSetlist, item } from './setlist-helpers';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test('setlist forms: bad names and lengths are refused inline with nothing written; phone-width pages are axe-clean', async ({ device }) => {
  const erin = await device('Erin');
  await erin.page.setViewportSize({ width: 390, height: 844 });
  const bandId = await createBand(erin.page, 'Form Band');
  await addSong(erin.page, { title: 'Only Song', key: 'E', duration: '4:00' });

  await erin.page.goto(`/bands/${bandId}/setlists`);
  await erin.page.getByRole('button', { name: 'New setlist' }).click();
  const form = erin.page.getByRole('form', { name: 'New setlist' });
  const create = form.getByRole('button', { name: 'Create setlist' });
  await create.click();
  await expect(form.getByText('Name is required')).toBeVisible();
  await form.getByLabel('Setlist name').fill('x'.repeat(300));
  await create.click();
  await expect(form.getByText('Name must be at most 120 characters')).toBeVisible();
  await expect(form.getByLabel('Setlist name')).toHaveValue('x'.repeat(300)); // kept, not truncated
  await form.getByLabel('Setlist name').fill('Fine name');
  await form.getByLabel('Target length').fill('soon');
  await create.click();
  await expect(form.getByText('Target length looks like 45:00 or 1:30:00')).toBeVisible();
  await expect(erin.page.getByText('No setlists yet.')).toBeVisible();
  await expectNoHorizontalScroll(erin.page);
  await expectNoAxeViolations(erin.page);

  const setlistId = await createSetlist(erin.page, bandId, 'Phone Set', '1:00:00');
  await addFromLibrary(erin.page, 'Only Song');
  await expect(item(erin.page, 'Only Song')).not.toHaveAttribute('data-pending');
  await erin.page.getByRole('button', { name: 'Rename & details' }).click();
  const details = erin.page.getByRole('form', { name: 'Setlist details' });
  await details.getByLabel('Name').fill('   ');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details.getByText('Name is required')).toBeVisible();
  await expect(erin.page.getByRole('heading', { level: 2, name: 'Phone Set' })).toBeVisible();
  await details.getByRole('button', { name: 'Cancel' }).click();

  // An item length that is not a length is refused on its field; nothing changes.
  await item(erin.page, 'Only Song').getByText('Notes & length').click();
  const itemForm = erin.page.getByRole('form', { name: 'Details of Only Song' });
  await itemForm.getByLabel('Length here (m:ss)').fill('forever');
  await itemForm.getByRole('button', { name: 'Save details' }).click();
  await expect(itemForm.getByText('Length looks like 45:00 or 1:30:00')).toBeVisible();
  await expect(item(erin.page, 'Only Song').locator('[data-field="length"]')).toHaveText('4:00');

  await expectNoHorizontalScroll(erin.page);
  await expectNoAxeViolations(erin.page);
  await erin.page.goto(`/bands/${bandId}/setlists/${setlistId}/print`);
  await expectNoAxeViolations(erin.page);
});
