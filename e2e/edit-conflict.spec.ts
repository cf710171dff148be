import { addSong, bandOfTwo, expectLive, openEditor, saveEdit, songRow } from './band-helpers';
import { expect, test } from './fixtures';

test('edit conflict: two devices save the same song from the same version; one wins, the other is told and loses nothing silently', async ({ device }) => {
  const { alice, bob } = await bandOfTwo(device, 'Conflict Band');

  await addSong(alice.page, { title: 'Valerie', tempo: '106' });
  await expect(songRow(bob.page, 'Valerie')).toBeVisible();

  // Both open the editor on version 1.
  const alicesForm = await openEditor(alice.page, 'Valerie');
  const bobsForm = await openEditor(bob.page, 'Valerie');

  // Alice saves first and wins.
  await saveEdit(alicesForm, { title: 'Valerie (live)' });
  await expect(songRow(alice.page, 'Valerie (live)')).toBeVisible();

  // Bob's open form learns about it live, before he saves.
  await expect(bobsForm.getByRole('status')).toContainText('A bandmate just changed this song');

  // Bob saves his edit made from version 1: refused, told why, shown Alice's version and his unsaved value.
  await saveEdit(bobsForm, { tempo: '120' });
  const alert = bobsForm.getByRole('alert');
  await expect(alert).toContainText('A bandmate saved this song while you were editing');
  await expect(alert).toContainText('tempo “120”');
  await expect(songRow(bob.page, 'Valerie (live)').locator('[data-field="title"]')).toHaveText('Valerie (live)');
  await expect(bobsForm.getByLabel('Title')).toHaveValue('Valerie (live)');
  await expect(bobsForm.getByLabel('Tempo (BPM)')).toHaveValue('106');

  // Nothing of Alice's was overwritten.
  await alice.page.reload();
  const alicesRow = songRow(alice.page, 'Valerie (live)');
  await expect(alicesRow.locator('[data-field="tempo_bpm"]')).toHaveText('106 BPM');

  // Bob re-applies his change on top of Alice's version: it saves and reaches Alice.
  await saveEdit(bobsForm, { tempo: '120' });
  await expect(bobsForm).toHaveCount(0);
  await expectLive(alice.page);
  await expect(alicesRow.locator('[data-field="tempo_bpm"]')).toHaveText('120 BPM');
  await expect(alicesRow.locator('[data-field="title"]')).toHaveText('Valerie (live)');
  await expect(alicesRow).toHaveAttribute('data-version', '3');
});
