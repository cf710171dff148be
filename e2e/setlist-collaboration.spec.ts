import { bandOfTwo, expectLive } from './band-helpers';
import { expect, test } from './fixtures';
import { addFromLibrary, addSongs, arrayMove, createSetlist, dragWithMouse, item, itemTitles, moveWithKeyboard } from './setlist-helpers';

test('setlist collaboration: built, reordered at the same moment, transposed and timed live on two devices; invisible to outsiders', async ({ device }) => {
  test.setTimeout(180_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Setlist Band');
  // Tall enough that a drag from the first item to the fourth stays on screen, as on a laptop scrolled to the list.
  await alice.page.setViewportSize({ width: 1280, height: 1600 });
  const tunes = await addSongs(alice.page, 'Tune', 12);

  // Bob watches the band's setlists; Alice's new setlist appears there without a reload.
  await bob.page.goto(`/bands/${bandId}/setlists`);
  await expectLive(bob.page);
  const setlistId = await createSetlist(alice.page, bandId, 'Saturday Show', '45');
  await bob.page.getByRole('list', { name: 'Setlists' }).getByRole('link', { name: /Saturday Show/ }).click();
  await expect(bob.page).toHaveURL(new RegExp(`/setlists/${setlistId}$`));
  await expectLive(alice.page);
  await expectLive(bob.page);
  await expect(alice.page.getByLabel('Also here')).toHaveText('Also here: Bob');
  await expect(bob.page.getByLabel('Also here')).toHaveText('Also here: Alice');

  // Two sets of six songs with a break between them; Bob sees every step.
  for (const title of tunes.slice(0, 6)) {
    await addFromLibrary(alice.page, title);
    await expect(item(bob.page, title)).toBeVisible();
  }
  await alice.page.getByRole('button', { name: 'Add set break' }).click();
  await expect(item(bob.page, 'Break')).toBeVisible();
  for (const title of tunes.slice(6)) {
    await addFromLibrary(alice.page, title);
    await expect(item(bob.page, title)).toBeVisible();
  }
  const built = [...tunes.slice(0, 6), 'Break', ...tunes.slice(6)];
  for (const page of [alice.page, bob.page]) {
    await expect.poll(() => itemTitles(page)).toEqual(built);
    await expect(page.getByRole('region', { name: 'Running time' }).locator('[data-field="total"]')).toHaveText('51:00');
    await expect(page.locator('[data-field="against-target"]')).toHaveText('6:00 over');
    await expect(page.getByRole('list', { name: 'Sets' })).toContainText('Set 1: 18:00 (6 songs)');
    await expect(page.getByRole('list', { name: 'Sets' })).toContainText('Set 2: 18:00 (6 songs)');
  }
  await expect(alice.page.locator('[data-pending]')).toHaveCount(0);

  // In the same second: Alice drags Tune 01 onto Tune 04 with the mouse, Bob moves Tune 09 two places down with
  // the keyboard. Both moves survive and both devices end in the same order.
  const expected = arrayMove(arrayMove(built, 'Tune 01', 3), 'Tune 09', 11);
  await Promise.all([dragWithMouse(alice.page, 'Tune 01', 'Tune 04'), moveWithKeyboard(bob.page, 'Tune 09', 2)]);
  for (const page of [alice.page, bob.page]) await expect.poll(() => itemTitles(page)).toEqual(expected);
  await expect(bob.page.locator('[data-pending]')).toHaveCount(0);
  await alice.page.reload();
  await expect.poll(() => itemTitles(alice.page)).toEqual(expected);
  await expectLive(alice.page);

  // Bob transposes Tune 02 (C) up two semitones; Alice sees it played in D.
  const up = bob.page.getByRole('button', { name: 'Transpose Tune 02 up' });
  await up.click();
  await up.click();
  await expect(item(bob.page, 'Tune 02').locator('[data-field="transpose"]')).toHaveText('+2');
  await expect(item(alice.page, 'Tune 02').locator('[data-field="key"]')).toHaveText('D (C +2)');
  await expect(item(alice.page, 'Tune 02').locator('[data-field="transpose"]')).toHaveText('+2');

  // Alice removes a song: totals and over/under change on both devices.
  await item(alice.page, 'Tune 12').getByRole('button', { name: 'Remove Tune 12' }).click();
  for (const page of [alice.page, bob.page]) {
    await expect(item(page, 'Tune 12')).toHaveCount(0);
    await expect(page.locator('[data-field="against-target"]')).toHaveText('3:00 over');
    await expect(page.getByRole('list', { name: 'Sets' })).toContainText('Set 2: 15:00 (5 songs)');
  }

  // The print view shows every set with its songs and the played key.
  await alice.page.goto(`/bands/${bandId}/setlists/${setlistId}/print`);
  const firstSet = alice.page.getByRole('region', { name: 'Set 1' });
  const secondSet = alice.page.getByRole('region', { name: 'Set 2' });
  await expect(firstSet.getByRole('listitem')).toHaveCount(6);
  await expect(secondSet.getByRole('listitem')).toHaveCount(5);
  await expect(firstSet.getByRole('listitem').filter({ hasText: 'Tune 02' }).locator('[data-field="key"]')).toHaveText('D(+2)');
  for (const title of expected.filter((title) => title !== 'Break' && title !== 'Tune 12')) {
    await expect(alice.page.getByRole('listitem').filter({ hasText: title })).toHaveCount(1);
  }

  // A user outside the band gets a 404 for the list, the editor and the print view, and no setlist text.
  const carol = await device('Carol');
  for (const path of [`/bands/${bandId}/setlists`, `/bands/${bandId}/setlists/${setlistId}`, `/bands/${bandId}/setlists/${setlistId}/print`]) {
    const response = await carol.page.request.get(path);
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain('Saturday Show');
  }
});
