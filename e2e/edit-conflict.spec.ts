import { addSong, bandOfTwo, deleteSong, expectLive, openEditor, saveEdit, songRow } from './band-helpers';
import { expect, test } from './fixtures';

// Concurrent edits of one song merge field by field: what only one side changed is kept without asking; only a
// field both changed is a conflict, named with both values; a song deleted mid-edit leaves the form and its text.

test('edit conflict: different fields changed at the same moment are both kept, on both devices', async ({ device }) => {
  const { alice, bob } = await bandOfTwo(device, 'Merge Band');
  await addSong(alice.page, { title: 'Valerie', tempo: '106' });
  await expect(songRow(bob.page, 'Valerie')).toBeVisible();

  // Both edit version 1 and press Save in the same instant, each changing a different field: whichever lands
  // second is merged onto the first, no question asked.
  const alicesForm = await openEditor(alice.page, 'Valerie');
  const bobsForm = await openEditor(bob.page, 'Valerie');
  await alicesForm.getByLabel('Title').fill('Valerie (live)');
  await bobsForm.getByLabel('Tempo (BPM)').fill('120');
  await Promise.all([alicesForm.getByRole('button', { name: 'Save' }).click(), bobsForm.getByRole('button', { name: 'Save' }).click()]);
  await expect(alicesForm).toHaveCount(0);
  await expect(bobsForm).toHaveCount(0);
  for (const page of [alice.page, bob.page]) {
    const row = songRow(page, 'Valerie (live)');
    await expect(row.locator('[data-field="tempo_bpm"]')).toHaveText('120 BPM');
    await expect(row).toHaveAttribute('data-version', '3');
  }
  await alice.page.reload();
  await expect(songRow(alice.page, 'Valerie (live)').locator('[data-field="tempo_bpm"]')).toHaveText('120 BPM');
});

test('edit conflict: an open form hears of a bandmate’s save before saving', async ({ device }) => {
  const { alice, bob } = await bandOfTwo(device, 'Heads-up Band');
  await addSong(alice.page, { title: 'Valerie' });
  const bobsForm = await openEditor(bob.page, 'Valerie');
  await saveEdit(await openEditor(alice.page, 'Valerie'), { key: 'Eb' });
  await expect(bobsForm.getByRole('status')).toContainText('Saving keeps their changes and yours');
});

test('edit conflict: a field both changed is named with both values; everything else typed is kept', async ({ device }) => {
  const { alice, bob } = await bandOfTwo(device, 'Conflict Band');
  await addSong(alice.page, { title: 'Valerie', tempo: '106' });
  await expect(songRow(bob.page, 'Valerie')).toBeVisible();

  const alicesForm = await openEditor(alice.page, 'Valerie');
  const bobsForm = await openEditor(bob.page, 'Valerie');
  await saveEdit(alicesForm, { tempo: '110', artist: 'Zutons' });
  await expect(songRow(alice.page, 'Valerie').locator('[data-field="tempo_bpm"]')).toHaveText('110 BPM');

  await saveEdit(bobsForm, { tempo: '120', notes: 'count in 4' });
  const alert = bobsForm.getByRole('alert');
  await expect(alert).toHaveText(/A bandmate also changed tempo \(theirs “110”, yours “120”\)/);
  await expect(alert).not.toContainText('notes');
  await expect(alert).not.toContainText('artist');
  // The form holds Bob's typed values for what he changed and Alice's for the rest; nothing was written.
  await expect(bobsForm.getByLabel('Tempo (BPM)')).toHaveValue('120');
  await expect(bobsForm.getByText('A bandmate saved “110”')).toBeVisible();
  await expect(bobsForm.getByLabel('Notes')).toHaveValue('count in 4');
  await expect(bobsForm.getByLabel('Artist')).toHaveValue('Zutons');
  await expect(songRow(alice.page, 'Valerie').locator('[data-field="tempo_bpm"]')).toHaveText('110 BPM');

  // Saving again (now against Alice's version) keeps Bob's choice and Alice's artist.
  await bobsForm.getByRole('button', { name: 'Save' }).click();
  await expect(bobsForm).toHaveCount(0);
  await expectLive(alice.page);
  const row = songRow(alice.page, 'Valerie');
  await expect(row.locator('[data-field="tempo_bpm"]')).toHaveText('120 BPM');
  await expect(row.locator('[data-field="artist"]')).toHaveText('Zutons');
  await expect(row.locator('[data-field="notes"]')).toHaveText('count in 4');
});

test('edit conflict: a song deleted while a bandmate edits it keeps the form, which can restore it as a new song', async ({ device }) => {
  const { alice, bob } = await bandOfTwo(device, 'Deleted Band');
  await addSong(alice.page, { title: 'Valerie', tempo: '106' });
  await expect(songRow(bob.page, 'Valerie')).toBeVisible();

  const bobsForm = await openEditor(bob.page, 'Valerie');
  await bobsForm.getByLabel('Notes').fill('slower outro');
  await deleteSong(alice.page, 'Valerie');

  await expect(bobsForm.getByRole('alert')).toContainText('Alice deleted this song while you were editing');
  await expect(bobsForm.getByLabel('Notes')).toHaveValue('slower outro');
  await bobsForm.getByRole('button', { name: 'Restore as a new song' }).click();
  await expect(bobsForm).toHaveCount(0);
  for (const page of [alice.page, bob.page]) {
    await expect(songRow(page, 'Valerie').locator('[data-field="notes"]')).toHaveText('slower outro');
    await expect(songRow(page, 'Valerie').locator('[data-field="tempo_bpm"]')).toHaveText('106 BPM');
  }
});
