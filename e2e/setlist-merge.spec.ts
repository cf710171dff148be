import { bandOfTwo, expectLive } from './band-helpers';
import { expect, test } from './fixtures';
import { createSetlist } from './setlist-helpers';

// Setlist details (name, target, notes) merge field by field like songs: one side's rename and the other's new
// target both stay; a field both changed is named with both values and keeps what was typed.

test('setlist details: a rename and a target change saved at once are both kept; the same field both changed is named', async ({ device }) => {
  const { alice, bob, bandId } = await bandOfTwo(device, 'Details Band');
  const setlistId = await createSetlist(alice.page, bandId, 'Friday', '1:00:00');
  await bob.page.goto(`/bands/${bandId}/setlists/${setlistId}`);
  await expectLive(alice.page);
  await expectLive(bob.page);

  const open = async (page: typeof alice.page) => {
    await page.getByRole('button', { name: 'Rename & details' }).click();
    return page.getByRole('form', { name: 'Setlist details' });
  };
  const alices = await open(alice.page);
  const bobs = await open(bob.page);
  await alices.getByLabel('Name').fill('Friday at the Tap Room');
  await bobs.getByLabel('Target length').fill('1:30:00');
  await Promise.all([alices.getByRole('button', { name: 'Save' }).click(), bobs.getByRole('button', { name: 'Save' }).click()]);
  await expect(alices).toHaveCount(0);
  await expect(bobs).toHaveCount(0);
  for (const page of [alice.page, bob.page]) {
    await expect(page.getByRole('heading', { level: 2, name: 'Friday at the Tap Room' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Running time' })).toContainText('1:30:00');
  }

  // Both change the notes: the second save is asked about exactly that field; its name edit is kept in the form.
  const again = await open(alice.page);
  const bobsAgain = await open(bob.page);
  await again.getByLabel('Notes').fill('Load in at 7');
  await again.getByRole('button', { name: 'Save' }).click();
  await expect(again).toHaveCount(0);
  await bobsAgain.getByLabel('Notes').fill('Load in at 6');
  await bobsAgain.getByLabel('Name').fill('Friday (late)');
  await bobsAgain.getByRole('button', { name: 'Save' }).click();
  await expect(bobsAgain.getByRole('alert').first()).toHaveText(/A bandmate also changed notes \(theirs “Load in at 7”, yours “Load in at 6”\)/);
  await expect(bobsAgain.getByLabel('Name')).toHaveValue('Friday (late)');
  await expect(bobsAgain.getByLabel('Notes')).toHaveValue('Load in at 6');
  await expect(alice.page.getByRole('heading', { level: 2, name: 'Friday at the Tap Room' })).toBeVisible();
});
