import { addSong, createBand, openAddSong, createInvite, deleteSong, expectLive, joinByLink, onlineNow, openEditor, saveEdit, songRow } from './band-helpers';
import { expect, test } from './fixtures';

test('band collaboration: two signed-up devices share a band, see each other online and edit songs live', async ({ device }) => {
  const alice = await device('Alice');
  const bob = await device('Bob');

  const bandId = await createBand(alice.page, 'The Live Wires');
  const invite = await createInvite(alice.page, bandId);
  await joinByLink(bob.page, invite.link, bandId);

  // Bob joined as a member: Alice's members page lists him after a reload (membership is server-rendered).
  await alice.page.reload();
  await expect(alice.page.getByRole('list', { name: 'Members' })).toContainText('Bob');

  await alice.page.goto(`/bands/${bandId}/songs`);
  await expectLive(alice.page);
  await expectLive(bob.page);

  // Presence: each device shows both members once both have tracked.
  for (const page of [alice.page, bob.page]) {
    await expect(onlineNow(page)).toHaveCount(2);
    await expect(onlineNow(page).filter({ hasText: 'A' })).toHaveAttribute('aria-label', 'Alice');
    await expect(onlineNow(page).filter({ hasText: 'B' })).toHaveAttribute('aria-label', 'Bob');
  }

  // Alice adds → Bob sees it without reloading.
  await addSong(alice.page, { title: 'Tainted Love', artist: 'Soft Cell', key: 'Cm', tempo: '144', duration: '2:40' });
  const bobsRow = songRow(bob.page, 'Tainted Love');
  await expect(bobsRow).toBeVisible();
  await expect(bobsRow.locator('[data-field="tempo_bpm"]')).toHaveText('144 BPM');

  // Bob edits → Alice sees it.
  const form = await openEditor(bob.page, 'Tainted Love');
  await saveEdit(form, { tempo: '150', notes: 'Synth intro twice' });
  const alicesRow = songRow(alice.page, 'Tainted Love');
  await expect(alicesRow.locator('[data-field="tempo_bpm"]')).toHaveText('150 BPM');
  await expect(alicesRow.locator('[data-field="notes"]')).toHaveText('Synth intro twice');

  // Alice deletes → gone for Bob.
  await deleteSong(alice.page, 'Tainted Love');
  await expect(songRow(bob.page, 'Tainted Love')).toHaveCount(0);
  await expect(bob.page.getByText('No songs yet.')).toBeVisible();

  // Nothing was a page reload on Bob's side: the same document received every change.
  expect(await bob.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

test('band collaboration: the band switcher moves between bands and signed-out visitors are sent to /login', async ({ device }) => {
  const carol = await device('Carol');
  const first = await createBand(carol.page, 'First Band');
  const second = await createBand(carol.page, 'Second Band');
  await carol.page.getByLabel('Switch band').selectOption({ label: 'First Band' });
  await expect(carol.page).toHaveURL(new RegExp(`/bands/${first}/songs$`));
  await expect(carol.page.getByRole('heading', { level: 1, name: 'First Band' })).toBeVisible();

  await carol.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(carol.page).toHaveURL(/\/login$/);
  await carol.page.goto(`/bands/${second}/songs`);
  await expect(carol.page).toHaveURL(new RegExp(`/login\\?next=%2Fbands%2F${second}%2Fsongs$`));

  // Signing in again returns to where the visitor was going.
  await carol.page.getByLabel('Email').fill(carol.email);
  await carol.page.getByLabel('Password').fill('wrong-password');
  await carol.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(carol.page.locator('form').getByRole('alert')).toHaveText('Wrong email or password.');
  await carol.page.getByLabel('Password').fill('e2e-password-1');
  await carol.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(carol.page).toHaveURL(new RegExp(`/bands/${second}/songs$`));
  await carol.page.goto('/login');
  await expect(carol.page).toHaveURL(/\/bands$/);
});

test('band collaboration: song forms show field errors inline and keep what was typed', async ({ device }) => {
  const dave = await device('Dave');
  await createBand(dave.page, 'Validation Band');
  const form = await openAddSong(dave.page);
  await form.getByLabel('Title').fill('Too Fast');
  await form.getByLabel('Tempo (BPM)').fill('999');
  await form.getByLabel('Key').fill('H');
  await form.getByRole('button', { name: 'Add song' }).click();
  await expect(form.getByText('Tempo must be at most 400')).toBeVisible();
  await expect(form.getByText('Key looks like C, F#, Bb, Am or C#m')).toBeVisible();
  await expect(form.getByLabel('Title')).toHaveValue('Too Fast');
  await expect(dave.page.getByRole('list', { name: 'Songs' })).toHaveCount(0);
});

test('band collaboration: a malformed invite link shows the invalid-code error, not an error page', async ({ device }) => {
  const erin = await device('Erin');
  // Percent-escapes that decode to junk, a stray `%` among them: the form opens with the code's error shown.
  for (const segment of ['%25', 'DEC0DE202%25', '%25E0%25A4%25A', 'not-a-code']) {
    const response = await erin.page.goto(`/join/${segment}`);
    expect(response?.status()).toBe(200);
    await expect(erin.page.getByText('An invite code is 10 letters and digits, like 3FA9C01B7E')).toBeVisible();
  }
  // A raw stray `%` is refused by Next.js's router before the page runs; it must still not be a server error.
  const raw = await erin.context.request.get('/join/%');
  expect(raw.status()).toBeLessThan(500);
});
