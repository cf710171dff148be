import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { bandOfTwo, createBand, createInvite, expectLive } from './band-helpers';
import { expect, PASSWORD, test, type Device } from './fixtures';

// Band management seen from two devices: what one member does to the band shows on the other's screen without a
// reload, and a band's pages close with a notice (not an error, not "Reconnecting…") when the user is out of it.

function memberRow(page: Page, name: string) {
  return page.getByRole('list', { name: 'Members' }).getByRole('listitem', { name });
}

/** The same user on another browser context: a second phone. */
async function secondDevice(device: Device): Promise<Page> {
  const page = await (await device.context.browser()!.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(device.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/bands$/);
  return page;
}

/** Phone width: axe finds no serious or critical problem, nothing scrolls sideways, every control is ≥ 44 px. */
async function expectPhoneReady(page: Page, exempt = ''): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Controls in the page's main area and in an open dialog; links inside running text are exempt (WCAG 2.5.8).
  const small = await page.evaluate((exempt) =>
    [...document.querySelectorAll('main button, main select, main input:not([type=hidden]), main a, [role=dialog] button, [role=dialog] input')]
      .filter((element) => !element.closest('p') && !(exempt && element.matches(exempt)))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.height < 44 || box.width < 44))
      .map(({ element, box }) => `${element.tagName} "${element.textContent?.trim() || element.getAttribute('aria-label')}" ${Math.round(box.width)}×${Math.round(box.height)}`),
    exempt,
  );
  expect(small).toEqual([]);
}

test('band management: rename and role changes show live on the other device; removal closes the band there', async ({ device }) => {
  test.setTimeout(240_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Garage Heroes');
  await Promise.all([alice.page.goto(`/bands/${bandId}/members`), bob.page.goto(`/bands/${bandId}/members`)]);
  await Promise.all([expectLive(alice.page), expectLive(bob.page)]);

  // A plain member sees the line-up and Leave, but no Rename, Delete, role pickers or Remove.
  await expect(memberRow(bob.page, 'Alice')).toContainText('Owner');
  await expect(bob.page.getByLabel('Band name')).toHaveCount(0);
  await expect(bob.page.getByRole('button', { name: 'Delete band' })).toHaveCount(0);
  await expect(bob.page.getByRole('combobox', { name: /^Role for/ })).toHaveCount(0);

  await expect(bob.page).toHaveTitle('Members · Garage Heroes · Rock-On');
  // Rename: the counter shows the limit; the header, switcher and page title follow on Bob's screen.
  const name = alice.page.getByLabel('Band name');
  await name.fill('The Garage Heroes');
  await expect(alice.page.getByText('17 / 80')).toBeVisible();
  await alice.page.getByRole('button', { name: 'Save name' }).click();
  await expect(bob.page.getByRole('heading', { level: 1, name: 'The Garage Heroes' })).toBeVisible();
  await expect(bob.page.getByLabel('Switch band').locator('option:checked')).toHaveText('The Garage Heroes');
  await expect(bob.page).toHaveTitle('Members · The Garage Heroes · Rock-On');
  // Too long is said, never cut.
  await name.fill('x'.repeat(81));
  await expect(alice.page.getByText('81 / 80, 1 too many')).toBeVisible();
  await alice.page.getByRole('button', { name: 'Save name' }).click();
  await expect(alice.page.getByText('Band name must be at most 80 characters')).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('x'.repeat(81));

  // Bob made admin: his chip and his controls change live; back to member, they go.
  await alice.page.getByRole('combobox', { name: 'Role for Bob' }).selectOption('admin');
  await expect(memberRow(bob.page, 'Bob')).toContainText('Admin');
  await expect(bob.page.getByLabel('Band name')).toBeVisible();
  await expect(bob.page.getByRole('button', { name: /Create invite|New invite code/ })).toBeVisible();
  await alice.page.getByRole('combobox', { name: 'Role for Bob' }).selectOption('member');
  await expect(memberRow(bob.page, 'Bob')).toContainText('Member');
  await expect(bob.page.getByLabel('Band name')).toHaveCount(0);

  // The last owner cannot step down: the rule's hint shows on her row, and her role stays.
  await alice.page.getByRole('combobox', { name: 'Role for Alice' }).selectOption('member');
  await expect(memberRow(alice.page, 'Alice').getByRole('alert')).toHaveText('You are the band’s last owner. Make another member an owner first, or delete the band.');
  await expect(alice.page.getByRole('combobox', { name: 'Role for Alice' })).toHaveValue('owner');

  // Removing Bob: confirmed in a dialog; Bob's screen leaves the band for /bands with a notice.
  await memberRow(alice.page, 'Bob').getByRole('button', { name: 'Remove' }).click();
  await alice.page.getByRole('dialog', { name: 'Remove Bob?' }).getByRole('button', { name: 'Remove Bob' }).click();
  await expect(memberRow(alice.page, 'Bob')).toHaveCount(0);
  await expect(bob.page).toHaveURL(/\/bands$/);
  await expect(bob.page.getByTestId('band-notice')).toContainText('You were removed from The Garage Heroes');
  await expect(bob.page.getByText('Reconnecting…')).toHaveCount(0);
});

test('band management: leaving closes the band on the leaver’s other device; deleting closes it for everyone', async ({ device }) => {
  test.setTimeout(240_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Basement Tapes');
  const bobPhone = await secondDevice(bob);
  await bobPhone.goto(`/bands/${bandId}/songs`);
  await expectLive(bobPhone);

  // The last owner asking to leave hears why she cannot.
  await alice.page.goto(`/bands/${bandId}/members`);
  await alice.page.getByRole('button', { name: 'Leave band' }).click();
  await alice.page.getByRole('dialog').getByRole('button', { name: 'Leave Basement Tapes' }).click();
  await expect(alice.page.getByRole('dialog').getByRole('alert')).toHaveText('You are the band’s last owner. Make another member an owner first, or delete the band.');
  await alice.page.getByRole('dialog').getByRole('button', { name: 'Stay' }).click();

  await bob.page.goto(`/bands/${bandId}/members`);
  await bob.page.getByRole('button', { name: 'Leave band' }).click();
  await bob.page.getByRole('dialog').getByRole('button', { name: 'Leave Basement Tapes' }).click();
  await expect(bob.page).toHaveURL(/\/bands$/);
  await expect(bob.page.getByTestId('band-notice')).toContainText('You left Basement Tapes.');
  await expect(bobPhone).toHaveURL(/\/bands$/);
  await expect(bobPhone.getByTestId('band-notice')).toContainText('Basement Tapes');
  await expect(memberRow(alice.page, 'Bob')).toHaveCount(0);

  // Delete: the button stays disabled until the name is typed exactly; every member's screens leave the band.
  // Bob comes back first through the band's invite (the one bandOfTwo made).
  const link = (await alice.page.getByTestId('invite-link').textContent())!.trim();
  await bob.page.goto(new URL(link).pathname);
  await bob.page.getByRole('button', { name: 'Join band' }).click();
  await expect(bob.page).toHaveURL(new RegExp(`/bands/${bandId}/songs$`));
  await expectLive(bob.page);
  await alice.page.goto(`/bands/${bandId}/members`);
  await alice.page.getByRole('button', { name: 'Delete band' }).click();
  const dialog = alice.page.getByRole('dialog', { name: 'Delete Basement Tapes?' });
  const confirm = dialog.getByRole('button', { name: 'Delete band for everyone' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type Basement Tapes to confirm').fill('Basement Tape');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type Basement Tapes to confirm').fill('Basement Tapes');
  await confirm.click();
  await expect(alice.page).toHaveURL(/\/bands$/);
  await expect(alice.page.getByTestId('band-notice')).toContainText('Basement Tapes was deleted.');
  await expect(bob.page).toHaveURL(/\/bands$/);
  await expect(bob.page.getByTestId('band-notice')).toContainText('Basement Tapes was deleted.');
  await bobPhone.context().close();
});

test('band management: a device that was offline while its user was removed leaves the band instead of "Reconnecting…"', async ({ device }) => {
  test.setTimeout(120_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Offline Crew');
  await alice.page.goto(`/bands/${bandId}/members`);
  await expectLive(alice.page);
  await bob.context.setOffline(true);
  await memberRow(alice.page, 'Bob').getByRole('button', { name: 'Remove' }).click();
  await alice.page.getByRole('dialog', { name: 'Remove Bob?' }).getByRole('button', { name: 'Remove Bob' }).click();
  await expect(memberRow(alice.page, 'Bob')).toHaveCount(0);
  // Back online, the page leaves the band with a notice, never "Reconnecting…": by the removal's event when the
  // socket outlived the offline spell, else because Realtime refuses the band's private channels and band_role
  // says Bob is out.
  await bob.context.setOffline(false);
  await expect(bob.page).toHaveURL(/\/bands$/, { timeout: 20_000 });
  await expect(bob.page.getByTestId('band-notice')).toContainText(/You (were removed from|are no longer in) Offline Crew/);
});

test('band management: the join page names the band and who invited before joining, through sign-up', async ({ device, browser }) => {
  test.setTimeout(120_000);
  const alice = await device('Alice');
  const bandId = await createBand(alice.page, 'Night Shift');
  const { code } = await createInvite(alice.page, bandId);

  // A visitor who is not signed in keeps the invite through sign-up and lands back on the join page.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/join/${code}`);
  await expect(visitor).toHaveURL(new RegExp(`/login\\?next=%2Fjoin%2F${code}$`));
  await visitor.getByRole('link', { name: 'Create an account' }).click();
  await visitor.getByLabel('Your name').fill('Vera');
  await visitor.getByLabel('Email').fill(`vera-${Date.now().toString(36)}@e2e.rock-on.test`);
  await visitor.getByLabel('Password').fill(PASSWORD);
  await visitor.getByRole('button', { name: 'Create account' }).click();
  await expect(visitor).toHaveURL(new RegExp(`/join/${code}$`));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Night Shift' })).toBeVisible();
  await expect(visitor.getByTestId('invite-from')).toHaveText(/^Alice invited you\. The invite expires in 7 days\.$/);
  await visitor.getByRole('button', { name: 'Join band' }).click();
  await expect(visitor).toHaveURL(new RegExp(`/bands/${bandId}/songs$`));

  // A wrong code names nothing.
  await visitor.goto('/join/0123456789');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('This invite does not work');
  await expect(visitor.getByText('This invite code does not lead to any band.', { exact: false })).toBeVisible();
  await expect(visitor.getByText('Night Shift')).toHaveCount(0);
  await visitor.context().close();
});

test('band management: members, profile, join and bands pages at 390×844; a new name shows in the line-up', async ({ device }) => {
  // Six axe passes and two devices: minutes on a busy 2-core machine.
  test.setTimeout(300_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Phone Band');
  for (const page of [alice.page, bob.page]) await page.setViewportSize({ width: 390, height: 844 });
  await bob.page.goto(`/bands/${bandId}/members`);
  await expectLive(bob.page);

  await alice.page.goto(`/bands/${bandId}/members`);
  await expectLive(alice.page);
  await expectPhoneReady(alice.page);
  // The invite link copies in one tap, and says so.
  await alice.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await alice.page.getByRole('button', { name: 'Copy link' }).click();
  await expect(alice.page.getByTestId('copy-status')).toHaveText('Copied');
  const link = (await alice.page.getByTestId('invite-link').textContent())!.trim();
  expect(await alice.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await alice.page.getByRole('button', { name: 'Delete band' }).click();
  await expectPhoneReady(alice.page);
  await alice.page.keyboard.press('Escape');

  // The profile page: a counted name, saved with a status; bandmates' line-up shows it once Alice is back.
  await alice.page.goto('/bands');
  await alice.page.getByRole('link', { name: 'Your profile' }).click();
  await expect(alice.page).toHaveURL(/\/settings\/profile$/);
  await expectPhoneReady(alice.page);
  await alice.page.getByLabel('Display name').fill('Alice 🎸 Cooper');
  await expect(alice.page.getByText('15 / 80')).toBeVisible();
  await alice.page.getByRole('button', { name: 'Save name' }).click();
  await expect(alice.page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText('Saved. Your bandmates now see “Alice 🎸 Cooper”.');
  await alice.page.goto(`/bands/${bandId}/members`);
  await expect(memberRow(bob.page, 'Alice 🎸 Cooper')).toBeVisible();
  await expect(bob.page.getByRole('list', { name: 'Online now' }).getByRole('listitem', { name: 'Alice 🎸 Cooper' })).toBeVisible();

  await expectPhoneReady(bob.page);
  await bob.page.goto(new URL(link).pathname);
  await expect(bob.page.getByText('You are already in this band.')).toBeVisible();
  await expectPhoneReady(bob.page);
  await bob.page.goto('/bands');
  await expectPhoneReady(bob.page);
});
