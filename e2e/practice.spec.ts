import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { addSong, bandOfTwo, createBand, expectLive, songRow } from './band-helpers';
import { expect, test } from './fixtures';
import { addToAgenda, planPractice } from './calendar-helpers';
import { arrayMove, moveWithKeyboard } from './setlist-helpers';

function agenda(page: Page): Locator {
  return page.getByRole('list', { name: 'Agenda' });
}

function agendaItem(page: Page, title: string): Locator {
  return agenda(page).getByRole('listitem', { name: title, exact: true });
}

function agendaTitles(page: Page): Promise<string[]> {
  return agenda(page)
    .locator(':scope > li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
}

/** A member's learn-status chip for one song, within `scope` (an agenda item or a song row). */
function chip(scope: Locator, member: string): Locator {
  return scope.locator(`[data-member="${member}"]`);
}


test('practice: planned with an agenda and goals, reordered and learn status set live on two devices; bad input refused inline', async ({ device }) => {
  test.setTimeout(180_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Practice Band');
  await alice.page.setViewportSize({ width: 390, height: 844 });
  const songs = ['Anthem', 'Ballad', 'Closer'];
  for (const title of songs) await addSong(alice.page, { title });
  await expect(alice.page.locator('[data-pending]')).toHaveCount(0);

  // The dialog: labelled, focus in, Escape closes it and focus goes back to the button.
  await alice.page.goto(`/bands/${bandId}/calendar`);
  await expectLive(alice.page);
  const plan = alice.page.getByRole('button', { name: 'Plan a practice' });
  await plan.click();
  const dialog = alice.page.getByRole('dialog', { name: 'Plan a practice' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Date')).toBeFocused();
  await alice.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(plan).toBeFocused();

  // Bad input: an abbreviation for a zone, then an end before the start. Each is an inline error on its field,
  // focused, and nothing is written.
  await plan.click();
  const open = await new AxeBuilder({ page: alice.page }).analyze();
  expect(open.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  await dialog.getByLabel('Date').fill('2026-12-12');
  await dialog.getByLabel('Start').fill('19:00');
  await dialog.getByLabel('End').fill('18:00');
  const zone = dialog.getByLabel(/Time zone/);
  await zone.fill('CET');
  await dialog.getByLabel('Location').fill('Room 4, Lisbon');
  await dialog.getByRole('button', { name: 'Save practice' }).click();
  await expect(dialog.getByText('Pick a time zone by city')).toBeVisible();
  await expect(zone).toBeFocused();
  await expect(zone).toHaveAttribute('aria-describedby', 'new-practice-zone-error');
  await zone.fill('Europe/Lisbon');
  await dialog.getByRole('button', { name: 'Save practice' }).click();
  const end = dialog.getByLabel('End');
  await expect(dialog.getByText('The end must be after the start')).toBeVisible();
  await expect(end).toBeFocused();
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Location')).toHaveValue('Room 4, Lisbon'); // kept
  await expect(alice.page.getByText('Nothing planned yet.')).toBeVisible(); // the calendar behind the dialog

  await end.fill('22:00');
  await dialog.getByRole('button', { name: 'Save practice' }).click();
  await expect(alice.page).toHaveURL(new RegExp(`/bands/${bandId}/practice/[0-9a-f-]{36}$`));
  const practiceUrl = new URL(alice.page.url()).pathname;
  // ICU versions differ on the comma after the weekday.
  await expect(alice.page.getByRole('heading', { level: 2, name: /^Practice · Sat,? 12 Dec 2026$/ })).toBeVisible();
  await expect(alice.page.locator('[data-field="practice-times"]')).toHaveText('19:00 Lisbon (WET) – 22:00 Lisbon (WET)');

  // Bob opens it; Alice builds the agenda and Bob sees every song and goal arrive.
  await bob.page.goto(practiceUrl);
  await expectLive(alice.page);
  await expectLive(bob.page);
  const goals = ['Run it twice', 'Fix the bridge', 'Tighten the ending'];
  for (const [index, title] of songs.entries()) {
    await addToAgenda(alice.page, title, goals[index]!);
    await expect(agendaItem(bob.page, title)).toBeVisible();
    await expect(agendaItem(bob.page, title).locator('[data-field="goal"]')).toHaveValue(goals[index]!);
  }
  await expect.poll(() => agendaTitles(bob.page)).toEqual(songs);
  await expect(bob.page.locator('[data-field="readiness"]')).toHaveText('3 of 3 songs not ready: Anthem, Ballad, Closer');

  // Bob moves Anthem two places down with the keyboard, then Closer up with its button: Alice sees both.
  // Tall enough that the whole agenda is on screen while the keyboard moves an item (dnd-kit measures the rows
  // between key presses; a list scrolling under it can swallow a step), as on a laptop scrolled to the agenda.
  await bob.page.setViewportSize({ width: 1280, height: 1600 });
  let expected = arrayMove(songs, 'Anthem', 2);
  await moveWithKeyboard(bob.page, 'Anthem', 2);
  // Bob's own list first: a failure then says whether the move was made at all or did not reach Alice.
  await expect.poll(() => agendaTitles(bob.page)).toEqual(expected);
  await expect.poll(() => agendaTitles(alice.page)).toEqual(expected);
  expected = arrayMove(expected, 'Closer', 0);
  await bob.page.getByRole('button', { name: 'Move Closer up', exact: true }).click();
  for (const page of [alice.page, bob.page]) await expect.poll(() => agendaTitles(page)).toEqual(expected);

  // Bob is learning Ballad: Alice sees his chip change on the agenda.
  await expect(chip(agendaItem(alice.page, 'Ballad'), 'Bob')).toHaveAttribute('data-status', 'unset');
  const bobsBallad = agendaItem(bob.page, 'Ballad').getByRole('group', { name: 'My status for Ballad' });
  await bobsBallad.getByRole('button', { name: 'Learning' }).click();
  await expect(bobsBallad.getByRole('button', { name: 'Learning' })).toHaveAttribute('aria-pressed', 'true');
  await expect(chip(agendaItem(alice.page, 'Ballad'), 'Bob')).toHaveAttribute('data-status', 'learning');
  await expect(chip(agendaItem(alice.page, 'Ballad'), 'Bob')).toHaveText('Bob: learning');

  // A goal over 200 characters is refused inline and never sent.
  const goal = agendaItem(bob.page, 'Closer').locator('[data-field="goal"]');
  await goal.fill('x'.repeat(201));
  await goal.press('Enter');
  await expect(agendaItem(bob.page, 'Closer').getByText('A goal is at most 200 characters')).toBeVisible();
  await expect(goal).toHaveAttribute('aria-invalid', 'true');
  await expect(agendaItem(bob.page, 'Closer').getByText('(201/200)')).toBeVisible();

  // The phone-width page (Alice's) is axe-clean and does not scroll sideways.
  await expect(alice.page.locator('[data-pending]')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page: alice.page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await alice.page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);

  // On the song list, Alice sees Bob's status, and his next change arrives live.
  await alice.page.goto(`/bands/${bandId}/songs`);
  await expectLive(alice.page);
  await expect(chip(songRow(alice.page, 'Ballad'), 'Bob')).toHaveAttribute('data-status', 'learning');
  await bobsBallad.getByRole('button', { name: 'Ready' }).click();
  await expect(chip(songRow(alice.page, 'Ballad'), 'Bob')).toHaveAttribute('data-status', 'ready');
  await songRow(alice.page, 'Ballad').getByRole('group', { name: 'My status for Ballad' }).getByRole('button', { name: 'Ready' }).click();
  await expect(chip(agendaItem(bob.page, 'Ballad'), 'Alice')).toHaveAttribute('data-status', 'ready');
  await expect(bob.page.locator('[data-field="readiness"]')).toHaveText('2 of 3 songs not ready: Closer, Anthem');
  const phone = await new AxeBuilder({ page: alice.page }).analyze();
  expect(phone.violations.map((violation) => violation.id)).toEqual([]);

  // Nothing of the refused goal was written; the kept goal is still there after a reload.
  await bob.page.reload();
  await expect(agendaItem(bob.page, 'Closer').locator('[data-field="goal"]')).toHaveValue('Tighten the ending');
  await expect.poll(() => agendaTitles(bob.page)).toEqual(expected);
  await expectLive(bob.page);

  // Alice edits the details: Bob sees the new place and end live. Then she deletes it (two steps); Bob is told.
  await alice.page.goto(practiceUrl);
  await expectLive(alice.page);
  await alice.page.getByRole('button', { name: 'Edit details' }).click();
  const details = alice.page.getByRole('form', { name: 'Practice details' });
  await expect(details.getByLabel('End')).toHaveValue('22:00');
  await details.getByLabel('Location').fill('Room 7');
  await details.getByLabel('End').fill('23:00');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(bob.page.locator('[data-field="location"]')).toHaveText('Room 7');
  await expect(bob.page.locator('[data-field="practice-times"]')).toHaveText('19:00 Lisbon (WET) – 23:00 Lisbon (WET)');
  await alice.page.getByRole('button', { name: 'Delete', exact: true }).click();
  await alice.page.getByRole('button', { name: 'Delete this practice' }).click();
  await expect(alice.page).toHaveURL(new RegExp(`/bands/${bandId}/calendar$`));
  await expect(alice.page.getByText('Nothing planned yet.')).toBeVisible();
  await expect(bob.page.getByText('This practice was deleted by a bandmate.')).toBeVisible();
});

test('practice: a malformed or unknown practice id is a 404', async ({ device }) => {
  const erin = await device('Erin');
  erin.tolerate(/status of 404/); // the 404 responses this test asks for
  const bandId = await createBand(erin.page, 'Lonely Band');
  for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
    const response = await erin.page.goto(`/bands/${bandId}/practice/${id}`);
    expect(response?.status()).toBe(404);
  }
});

test('practice offline: an agenda add, a learn status and a goal wait on the device and are saved when back online', async ({ device }) => {
  const gus = await device('Gus');
  const bandId = await createBand(gus.page, 'Offline Practice Band');
  await addSong(gus.page, { title: 'Signal' });
  await addSong(gus.page, { title: 'Noise' });
  const path = await planPractice(gus.page, bandId);
  await expectLive(gus.page);
  await addToAgenda(gus.page, 'Signal', 'Count in');
  await expect(agendaItem(gus.page, 'Signal')).toBeVisible();
  await expect(agendaItem(gus.page, 'Signal')).not.toHaveAttribute('data-pending');

  await gus.context.setOffline(true);
  await expect(gus.page.getByRole('status', { name: 'Connection' })).toHaveAttribute('data-state', 'offline');
  await addToAgenda(gus.page, 'Noise', 'Quietly');
  await expect(agendaItem(gus.page, 'Noise')).toContainText('Waiting to sync');
  const mine = agendaItem(gus.page, 'Signal').getByRole('group', { name: 'My status for Signal' });
  await mine.getByRole('button', { name: 'Learning' }).click();
  await expect(mine.getByRole('button', { name: 'Learning' })).toHaveAttribute('aria-pressed', 'true');
  const goal = agendaItem(gus.page, 'Signal').locator('[data-field="goal"]');
  await goal.fill('Count in twice');
  await goal.press('Enter');
  await expect(gus.page.getByTestId('waiting-changes')).toHaveText(/3 changes waiting — saved on this device/);

  await gus.context.setOffline(false);
  await expect(gus.page.getByRole('status', { name: 'Connection' })).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(gus.page.getByTestId('waiting-changes')).toHaveCount(0);
  await gus.page.goto(path);
  await expect.poll(() => agendaTitles(gus.page)).toEqual(['Signal', 'Noise']);
  await expect(agendaItem(gus.page, 'Signal').locator('[data-field="goal"]')).toHaveValue('Count in twice');
  await expect(chip(agendaItem(gus.page, 'Signal'), 'Gus')).toHaveAttribute('data-status', 'learning');
});
