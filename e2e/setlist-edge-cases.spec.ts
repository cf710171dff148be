import { addSong, bandOfTwo, createBand, expectLive, songRow } from './band-helpers';
import { expect, test } from './fixtures';
import { addFromLibrary, createSetlist, item, itemTitles } from './setlist-helpers';

test('deleting a song a setlist plays: the user is told which setlists and chooses; nothing is left dangling', async ({ device }) => {
  const fay = await device('Fay');
  const bandId = await createBand(fay.page, 'Delete Band');
  await addSong(fay.page, { title: 'Keeper', duration: '3:00' });
  await addSong(fay.page, { title: 'Goner', duration: '2:00' });
  const setlistId = await createSetlist(fay.page, bandId, 'Gig One');
  await addFromLibrary(fay.page, 'Keeper');
  await addFromLibrary(fay.page, 'Goner');
  await expect(fay.page.locator('[data-pending]')).toHaveCount(0);
  // Duplicate: a copy with every item, opened at once.
  await fay.page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(fay.page.getByRole('heading', { level: 2, name: 'Gig One (copy)' })).toBeVisible();
  await expect.poll(() => itemTitles(fay.page)).toEqual(['Keeper', 'Goner']);

  await fay.page.goto(`/bands/${bandId}/songs`);
  const row = songRow(fay.page, 'Goner');
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(row.getByRole('alert')).toHaveText('“Goner” is in 2 setlists: Gig One, Gig One (copy).');
  // Keeping it changes nothing.
  await row.getByRole('button', { name: 'Keep' }).click();
  await expect(row).toBeVisible();
  await fay.page.goto(`/bands/${bandId}/setlists/${setlistId}`);
  await expect.poll(() => itemTitles(fay.page)).toEqual(['Keeper', 'Goner']);

  // Choosing to go on removes it from the setlist and deletes it, both at once.
  await fay.page.goto(`/bands/${bandId}/songs`);
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('button', { name: 'Confirm delete' }).click();
  await row.getByRole('button', { name: 'Remove from setlists and delete' }).click();
  await expect(row).toHaveCount(0);
  await fay.page.reload();
  await expect(songRow(fay.page, 'Goner')).toHaveCount(0);
  await fay.page.goto(`/bands/${bandId}/setlists/${setlistId}`);
  await expect.poll(() => itemTitles(fay.page)).toEqual(['Keeper']);
  await expect(fay.page.getByRole('region', { name: 'Running time' }).locator('[data-field="total"]')).toHaveText('3:00');
});

test('offline: a setlist change is kept on this device, shown as waiting, and saved when the connection is back', async ({ device }) => {
  const gus = await device('Gus');
  const bandId = await createBand(gus.page, 'Offline Band');
  await addSong(gus.page, { title: 'Signal', key: 'A' });
  await createSetlist(gus.page, bandId, 'Basement');
  await addFromLibrary(gus.page, 'Signal');
  await expect(item(gus.page, 'Signal')).not.toHaveAttribute('data-pending');

  await gus.context.setOffline(true);
  await expect(gus.page.getByRole('status', { name: 'Connection' })).toHaveAttribute('data-state', 'offline');
  await gus.page.getByRole('button', { name: 'Transpose Signal up' }).click();
  await expect(item(gus.page, 'Signal').locator('[data-field="key"]')).toHaveText('Bb (A +1)');
  await expect(item(gus.page, 'Signal')).toContainText('Waiting to sync');
  await expect(gus.page.getByTestId('waiting-changes')).toHaveText(/1 change waiting — saved on this device/);

  await gus.context.setOffline(false);
  await expect(gus.page.getByRole('status', { name: 'Connection' })).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(item(gus.page, 'Signal')).not.toHaveAttribute('data-pending');
  await expect(gus.page.getByTestId('waiting-changes')).toHaveCount(0);
  await gus.page.reload();
  await expect(item(gus.page, 'Signal').locator('[data-field="key"]')).toHaveText('Bb (A +1)');
});

test('two devices add to the same empty setlist in the same instant: both items stay, in one order on both', async ({ device }) => {
  const { alice, bob, bandId } = await bandOfTwo(device, 'Race Band');
  await addSong(alice.page, { title: 'From Alice' });
  await addSong(alice.page, { title: 'From Bob' });
  const setlistId = await createSetlist(alice.page, bandId, 'Race');
  await bob.page.goto(`/bands/${bandId}/setlists/${setlistId}`);
  await expectLive(alice.page);
  await expectLive(bob.page);

  // Both pick the first key of an empty list; the database refuses the second and its action moves it after.
  await Promise.all([addFromLibrary(alice.page, 'From Alice'), addFromLibrary(bob.page, 'From Bob')]);
  for (const page of [alice.page, bob.page]) {
    await expect.poll(() => itemTitles(page).then((titles) => [...titles].sort())).toEqual(['From Alice', 'From Bob']);
    await expect(page.locator('[data-pending]')).toHaveCount(0);
  }
  expect(await itemTitles(bob.page)).toEqual(await itemTitles(alice.page));
  await alice.page.reload();
  await expect.poll(() => itemTitles(alice.page)).toEqual(await itemTitles(bob.page));
});
