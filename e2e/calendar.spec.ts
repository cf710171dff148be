import { expect, test } from './fixtures';
import { addSong, bandOfTwo, expectLive } from './band-helpers';
import { addToAgenda, answer, counts, eventCard, expectAccessibleAtPhoneWidth, fillNewShow, planPractice, planShow } from './calendar-helpers';
import { addFromLibrary, createSetlist } from './setlist-helpers';

// The band's calendar across two devices: a show planned on one appears live on the other, answers and counts
// move live, away dates show as conflicts by name, a cancellation reaches the other home page; an outsider sees
// none of it.

test('calendar: A plans a show with a setlist, B answers maybe then yes, blocks dates A then plans into; A cancels', async ({ device }) => {
  test.setTimeout(240_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Calendar Band');
  await addSong(alice.page, { title: 'Opener', duration: '4:00' });
  await addSong(alice.page, { title: 'Closer', duration: '5:00' });
  await createSetlist(alice.page, bandId, 'Lisbon set');
  await addFromLibrary(alice.page, 'Opener');
  await addFromLibrary(alice.page, 'Closer');

  await bob.page.goto(`/bands/${bandId}`);
  await expectLive(bob.page);
  const showId = await planShow(alice.page, bandId, { title: 'Lisbon Bar', date: '2027-05-05', starts: '21:00', setStart: '22:00', setEnd: '23:30', setlist: 'Lisbon set', fee: '250' });

  // The show page: venue wall clock with its zone named; the setlist against the 1:30 slot.
  await expect(alice.page.getByTestId('schedule-starts_at')).toContainText('21:00 Lisbon (WEST)');
  await expect(alice.page.getByTestId('show-setlist')).toContainText('2 songs · 9:00 · slot 1:30:00 · 1:21:00 under');
  await expectLive(alice.page);

  // B's home shows it live, B answers on the home page; A's counts follow.
  const card = eventCard(bob.page, showId);
  await expect(card).toContainText('Lisbon Bar');

  // A practice with an agenda, planned the day before: it appears on B's home too.
  const practicePath = await planPractice(alice.page, bandId, '2027-05-04');
  await addToAgenda(alice.page, 'Opener', 'Run it twice');
  await expect(eventCard(bob.page, practicePath.split('/').at(-1)!)).toContainText('Practice');
  await alice.page.goto(`/bands/${bandId}/shows/${showId}`);
  await expectLive(alice.page);
  await answer(card, 'Maybe');
  await expect(counts(alice.page)).toHaveText('0 yes · 1 maybe · 0 no');
  await answer(card, 'Yes');
  await expect(counts(alice.page)).toHaveText('1 yes · 0 maybe · 0 no');
  await expect(alice.page.getByRole('list', { name: 'Answers' })).toContainText('Yes');

  // Not ready for the next show: every song of its setlist someone has not marked ready; live as A marks one.
  const notReady = bob.page.getByTestId('not-ready');
  await expect(notReady).toContainText('Opener: Alice not set, you not set');
  await alice.page.goto(`/bands/${bandId}/songs`);
  await alice.page.getByRole('group', { name: 'My status for Opener' }).getByRole('button', { name: 'Ready' }).click();
  await expect(notReady).toContainText('Opener: you not set');

  // B blocks 1–7 June; A planning a show on 3 June sees the conflict by name before and after saving.
  await bob.page.goto(`/bands/${bandId}/calendar`);
  await bob.page.getByRole('button', { name: 'Block my dates' }).click();
  const block = bob.page.getByRole('form', { name: 'Block dates' });
  await block.getByLabel('First day away').fill('2027-06-01');
  await block.getByLabel('Last day away').fill('2027-06-07');
  await block.getByLabel('Note (optional)').fill('On tour with another band');
  await block.getByRole('button', { name: 'Block dates' }).click();
  await expect(bob.page.getByRole('list', { name: 'Away dates' })).toContainText('You: 1–7 Jun 2027');
  await alice.page.goto(`/bands/${bandId}/calendar`);
  await expect(alice.page.getByRole('list', { name: 'Away dates' })).toContainText('Bob: 1–7 Jun 2027 — On tour with another band');
  const form = await fillNewShow(alice.page, bandId, { title: 'Porto Club', date: '2027-06-03', starts: '21:30', zone: 'Europe/Lisbon' });
  await expect(form.getByTestId('away-conflict')).toContainText('Bob is away 1–7 Jun 2027 (On tour with another band)');
  await form.getByRole('button', { name: 'Plan show' }).click();
  await expect(alice.page.getByTestId('show-away-conflict')).toContainText('Bob is away');

  // A cancels the Lisbon show; B's home page shows it cancelled, live.
  await bob.page.goto(`/bands/${bandId}`);
  await expectLive(bob.page);
  await alice.page.goto(`/bands/${bandId}/shows/${showId}`);
  await alice.page.getByRole('button', { name: 'Cancel show' }).click();
  await expect(alice.page.getByTestId('show-status')).toHaveText('cancelled');
  await expect(eventCard(bob.page, showId).getByTestId('event-cancelled')).toBeVisible();

  // An outsider: the band's pages do not exist for them.
  const carol = await device('Carol');
  carol.tolerate(/status of 404/); // the pages she is not allowed to see answer 404, which the browser logs
  for (const path of [`/bands/${bandId}`, `/bands/${bandId}/calendar`, `/bands/${bandId}/shows/${showId}`, `/bands/${bandId}/availability`]) {
    const response = await carol.page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(carol.page.getByText('Lisbon Bar')).toHaveCount(0);
  }
});

test('calendar: a member in Berlin sees the Lisbon wall clock named, with their own time beside it', async ({ device, browser }) => {
  const { alice, bandId } = await bandOfTwo(device, 'Zones Band');
  const showId = await planShow(alice.page, bandId, { title: 'Summer Show', date: '2027-07-04', starts: '21:00', zone: 'Europe/Lisbon' });
  const berlin = await browser.newContext({ storageState: await alice.context.storageState(), timezoneId: 'Europe/Berlin' });
  const page = await berlin.newPage();
  await page.goto(`/bands/${bandId}/shows/${showId}`);
  await expect(page.getByTestId('schedule-starts_at')).toHaveText('21:00 Lisbon (WEST) · 22:00 your time');
  await berlin.close();

  // An answer can carry a note; it is kept with the answer.
  await answer(alice.page, 'Yes');
  await alice.page.getByLabel('Note on your answer (optional)').fill('Bringing the PA');
  await alice.page.getByRole('button', { name: 'Save note' }).click();
  await expect(alice.page.getByRole('list', { name: 'Answers' })).toContainText('Yes — Bringing the PA');
  await alice.page.reload();
  await expect(alice.page.getByRole('list', { name: 'Answers' })).toContainText('Yes — Bringing the PA');
});

test('calendar: bad input gets inline errors on its field and writes nothing; pages are accessible at 390 px', async ({ device }) => {
  test.setTimeout(120_000);
  const { alice, bandId } = await bandOfTwo(device, 'Careful Band');
  await alice.page.setViewportSize({ width: 390, height: 844 });
  const cases: [Partial<Parameters<typeof fillNewShow>[2]>, string, RegExp][] = [
    [{ setStart: '22:00', setEnd: '21:00' }, 'Set ends', /must end after it starts/],
    [{ zone: 'CET' }, 'Time zone', /city, e\.g\. Europe\/Lisbon/],
    [{ fee: '-5' }, 'Fee', /cannot be negative/],
    [{ fee: '1e12' }, 'Fee', /looks like 250/],
    [{ fee: '100000000' }, 'Fee', /looks like 250|at most/],
  ];
  for (const [input, field, message] of cases) {
    await alice.page.goto(`/bands/${bandId}/calendar`);
    const form = await fillNewShow(alice.page, bandId, { title: 'Bad Show', date: '2027-05-05', starts: '21:00', ...input });
    await form.getByRole('button', { name: 'Plan show' }).click();
    const control = form.getByLabel(field);
    await expect(control).toHaveAttribute('aria-invalid', 'true');
    await expect(control).toBeFocused();
    await expect(form).toContainText(message);
    await expect(form.getByLabel('Title')).toHaveValue('Bad Show');
  }
  // A setlist id of another band (a tampered form) is refused on its field.
  await alice.page.goto(`/bands/${bandId}/calendar`);
  const form = await fillNewShow(alice.page, bandId, { title: 'Bad Show', date: '2027-05-05', starts: '21:00' });
  await form.getByLabel('Setlist').evaluate((select: HTMLSelectElement) => {
    select.add(new Option('Foreign', '6f1c1e2a-8f8e-4d5b-9b1a-2c3d4e5f6a7b'));
    select.value = '6f1c1e2a-8f8e-4d5b-9b1a-2c3d4e5f6a7b';
  });
  await form.getByRole('button', { name: 'Plan show' }).click();
  await expect(form).toContainText("That setlist is not one of this band's");
  await alice.page.reload();
  await expect(alice.page.getByText('Nothing planned yet')).toBeVisible();
  await expectAccessibleAtPhoneWidth(alice.page);

  const showId = await planShow(alice.page, bandId, { title: 'Good Show', date: '2027-05-05', starts: '21:00', setStart: '22:30', setEnd: '00:15' });
  await expect(alice.page.getByTestId('schedule-set_end_at')).toContainText('00:15 Lisbon');
  await expectAccessibleAtPhoneWidth(alice.page);
  await alice.page.goto(`/bands/${bandId}`);
  await expect(eventCard(alice.page, showId)).toBeVisible();
  await expectAccessibleAtPhoneWidth(alice.page);
  await alice.page.goto(`/bands/${bandId}/availability`);
  await expect(alice.page.getByTestId('availability-grid')).toContainText('Good Show');
  await expectAccessibleAtPhoneWidth(alice.page);
});

test('calendar offline: an answer given in a basement waits on the device and reaches the band when back online', async ({ device }) => {
  test.setTimeout(120_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Basement Band');
  const showId = await planShow(alice.page, bandId, { title: 'Cellar Gig', date: '2027-05-05', starts: '21:00' });
  await expectLive(alice.page);
  await bob.page.goto(`/bands/${bandId}`);
  await expectLive(bob.page);
  bob.tolerate(/ERR_INTERNET_DISCONNECTED/);
  await bob.context.setOffline(true);
  await answer(eventCard(bob.page, showId), 'No');
  await expect(bob.page.getByTestId('waiting-changes')).toContainText('1 change waiting');
  await expect(counts(eventCard(bob.page, showId))).toHaveText('0 yes · 0 maybe · 1 no');
  await expect(counts(alice.page)).toHaveText('0 yes · 0 maybe · 0 no');
  await bob.context.setOffline(false);
  await expect(counts(alice.page)).toHaveText('0 yes · 0 maybe · 1 no');
  await expect(bob.page.getByTestId('waiting-changes')).toHaveCount(0);
});
