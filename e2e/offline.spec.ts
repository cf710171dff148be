import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addSong, openAddSong, bandOfTwo, connection, createBand, onlineNow, openEditor, saveEdit, songRow } from './band-helpers';
import { createSetlist } from './setlist-helpers';
import { expect, test } from './fixtures';

// Offline, nothing typed is lost: changes wait in the browser (IndexedDB), survive a reload, and replay in order
// through the same checks as any save when the connection returns.

function waiting(page: Page) {
  return page.getByTestId('waiting-changes');
}

/** Resolves with the moment (ms) each of `checks` (a CSS selector + expected text) first holds on the page. */
function arrivalTimes(page: Page, checks: Array<[string, string]>): Promise<number[]> {
  return page.evaluate(
    (wanted) =>
      new Promise<number[]>((resolve) => {
        const seen: Array<number | undefined> = wanted.map(() => undefined);
        const look = () => {
          wanted.forEach(([selector, text], index) => {
            if (seen[index] === undefined && [...document.querySelectorAll(selector)].some((node) => node.textContent === text)) seen[index] = performance.now();
          });
          if (seen.every((time) => time !== undefined)) {
            observer.disconnect();
            resolve(seen as number[]);
          }
        };
        const observer = new MutationObserver(look);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        look();
      }),
    checks,
  );
}

test('offline: two edits and an add survive a reload and reach the bandmate in order when back online', async ({ device }) => {
  test.setTimeout(200_000);
  const { alice, bob } = await bandOfTwo(device, 'Basement Band');
  await addSong(alice.page, { title: 'One', tempo: '90' });
  await addSong(alice.page, { title: 'Two' });
  await expect(songRow(bob.page, 'Two')).toBeVisible();
  await bob.page.reload(); // the service worker now controls the page and keeps a copy of it
  await expect(connection(bob.page)).toHaveAttribute('data-state', 'connected');

  await expect(onlineNow(alice.page)).toHaveCount(2);
  await bob.context.setOffline(true);
  await expect(connection(bob.page)).toHaveAttribute('data-state', 'offline');
  await saveEditOffline(bob.page, 'One', { tempo: '100' });
  await expect(waiting(bob.page)).toHaveText(/1 change waiting/);
  await saveEditOffline(bob.page, 'Two', { title: 'Two (v2)' });
  const add = await openAddSong(bob.page);
  await add.getByLabel('Title').fill('Three');
  await add.getByRole('button', { name: 'Add on this device' }).click();
  await expect(songRow(bob.page, 'Three')).toContainText('Waiting to sync');
  // A song added offline, edited before it ever reached the server.
  await saveEditOffline(bob.page, 'Three', { tempo: '140' });
  await expect(waiting(bob.page)).toHaveText('4 changes waiting — saved on this device, will sync when the connection is back.');

  // Still offline: a reload comes from this device's copy, with the waiting changes on screen.
  await bob.page.reload();
  await expect(waiting(bob.page)).toHaveText(/4 changes waiting/);
  await expect(songRow(bob.page, 'One').locator('[data-field="tempo_bpm"]')).toHaveText('100 BPM');
  await expect(songRow(bob.page, 'Two (v2)')).toContainText('Waiting to sync');
  await expect(songRow(bob.page, 'Three')).toBeVisible();
  await expect(songRow(alice.page, 'Three')).toHaveCount(0);
  // A device that went offline leaves the others' presence once the server gives up on its silent socket
  // (Realtime's websocket timeout: 60 s without a frame).
  await expect(onlineNow(alice.page)).toHaveCount(1, { timeout: 75_000 });

  const arrivals = arrivalTimes(alice.page, [
    ['li[aria-label="One"] [data-field="tempo_bpm"]', '100 BPM'],
    ['li[aria-label="Two (v2)"] [data-field="title"]', 'Two (v2)'],
    ['li[aria-label="Three"] [data-field="title"]', 'Three'],
    ['li[aria-label="Three"] [data-field="tempo_bpm"]', '140 BPM'],
  ]);
  await bob.context.setOffline(false);
  const times = await arrivals;
  expect(times).toEqual([...times].sort((a, b) => a - b));
  await expect(waiting(bob.page)).toHaveCount(0);
  await expect(connection(bob.page)).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(onlineNow(alice.page)).toHaveCount(2);
  await alice.page.reload();
  for (const title of ['One', 'Two (v2)', 'Three']) await expect(songRow(alice.page, title)).toBeVisible();
  await expect(songRow(alice.page, 'One').locator('[data-field="tempo_bpm"]')).toHaveText('100 BPM');
  await expect(songRow(alice.page, 'Three').locator('[data-field="tempo_bpm"]')).toHaveText('140 BPM');
});

test('offline: an edit replayed after a bandmate changed the same field is a conflict naming that field; keeping mine wins', async ({ device }) => {
  test.setTimeout(90_000);
  const { alice, bob } = await bandOfTwo(device, 'Clash Band');
  await addSong(alice.page, { title: 'Riff', tempo: '90', key: 'E' });
  await expect(songRow(bob.page, 'Riff')).toBeVisible();
  await bob.page.reload();
  await expect(connection(bob.page)).toHaveAttribute('data-state', 'connected');

  await bob.context.setOffline(true);
  await saveEditOffline(bob.page, 'Riff', { tempo: '100', notes: 'palm mute' });
  await saveEdit(await openEditor(alice.page, 'Riff'), { tempo: '95' });
  await expect(songRow(alice.page, 'Riff').locator('[data-field="tempo_bpm"]')).toHaveText('95 BPM');

  await bob.context.setOffline(false);
  const problem = bob.page.getByRole('region', { name: 'Changes on this device' }).getByRole('alert');
  await expect(problem).toContainText('Edit “Riff”: A bandmate also changed tempo (theirs “95”, yours “100”)');
  await expect(problem).not.toContainText('notes');
  await problem.getByRole('button', { name: 'Keep mine' }).click();
  await expect(bob.page.getByRole('region', { name: 'Changes on this device' })).toHaveCount(0);
  for (const page of [alice.page, bob.page]) {
    await expect(songRow(page, 'Riff').locator('[data-field="tempo_bpm"]')).toHaveText('100 BPM');
    await expect(songRow(page, 'Riff').locator('[data-field="notes"]')).toHaveText('palm mute');
    await expect(songRow(page, 'Riff').locator('[data-field="key"]')).toHaveText('E');
  }
});

async function saveEditOffline(page: Page, title: string, input: { title?: string; tempo?: string; notes?: string }) {
  const form = await openEditor(page, title);
  if (input.title !== undefined) await form.getByLabel('Title').fill(input.title);
  if (input.tempo !== undefined) await form.getByLabel('Tempo (BPM)').fill(input.tempo);
  if (input.notes !== undefined) await form.getByLabel('Notes').fill(input.notes);
  await form.getByRole('button', { name: 'Save on this device' }).click();
  await expect(form).toHaveCount(0);
}

test('offline: an add whose answer was lost is replayed and saved once; the waiting panel is axe-clean at 390 px', async ({ device }) => {
  test.setTimeout(90_000);
  const { alice, bob } = await bandOfTwo(device, 'Lost Answer Band');
  await bob.page.setViewportSize({ width: 390, height: 844 });
  // The server saves the song, but its answer never reaches Bob's page (a dropped connection at the worst moment).
  let dropped = 0;
  await bob.page.route(/\/songs$/, async (route) => {
    if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
    dropped += 1;
    await route.fetch();
    await route.abort('connectionreset');
  });
  bob.tolerate(/ERR_CONNECTION_RESET|Failed to fetch|A save did not reach the server/);
  await addSong(bob.page, { title: 'Echo' });
  await expect(songRow(alice.page, 'Echo')).toBeVisible();
  await expect(songRow(bob.page, 'Echo')).not.toHaveAttribute('data-pending', { timeout: 20_000 });
  await expect(waiting(bob.page)).toHaveCount(0);
  expect(dropped).toBe(1);
  await alice.page.reload();
  await expect(songRow(alice.page, 'Echo')).toHaveCount(1);

  await bob.context.setOffline(true);
  await saveEditOffline(bob.page, 'Echo', { tempo: '70' });
  await expect(waiting(bob.page)).toBeVisible();
  const { violations } = await new AxeBuilder({ page: bob.page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await bob.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await bob.context.setOffline(false);
  await expect(songRow(alice.page, 'Echo').locator('[data-field="tempo_bpm"]')).toHaveText('70 BPM');
});

test('offline: a setlist deleted and one created offline wait on the device; duplicating says it needs a connection', async ({ device }) => {
  test.setTimeout(90_000);
  const gus = await device('Gus');
  const bandId = await createBand(gus.page, 'Offline Sets');
  const oldId = await createSetlist(gus.page, bandId, 'Old Set');
  await gus.page.goto(`/bands/${bandId}/setlists`); // opened once online, so this device keeps a copy
  await expect(gus.page.getByRole('list', { name: 'Setlists' }).getByRole('listitem', { name: 'Old Set' })).toBeVisible();
  await gus.page.goto(`/bands/${bandId}/setlists/${oldId}`);
  await expect(connection(gus.page)).toHaveAttribute('data-state', 'connected');

  await gus.context.setOffline(true);
  await expect(connection(gus.page)).toHaveAttribute('data-state', 'offline');
  await expect(gus.page.getByRole('button', { name: 'Duplicate (needs a connection)' })).toBeDisabled();
  await gus.page.getByRole('button', { name: 'Delete', exact: true }).click();
  await gus.page.getByRole('button', { name: 'Delete “Old Set”' }).click();
  await expect(gus.page).toHaveURL(new RegExp(`/bands/${bandId}/setlists$`));
  const setlists = gus.page.getByRole('list', { name: 'Setlists' });
  await expect(waiting(gus.page)).toHaveText(/1 change waiting/);
  await expect(setlists.getByRole('listitem', { name: 'Old Set' })).toHaveCount(0);
  await gus.page.getByRole('button', { name: 'New setlist' }).click();
  const form = gus.page.getByRole('form', { name: 'New setlist' });
  await form.getByLabel('Setlist name').fill('Basement Set');
  await form.getByRole('button', { name: 'Create setlist' }).click();
  await expect(waiting(gus.page)).toHaveText(/2 changes waiting/);
  await expect(setlists.getByRole('listitem', { name: 'Basement Set' })).toBeVisible();

  await gus.context.setOffline(false);
  await expect(waiting(gus.page)).toHaveCount(0, { timeout: 20_000 });
  await gus.page.reload();
  await expect(setlists.getByRole('listitem', { name: 'Basement Set' })).toBeVisible();
  await expect(setlists.getByRole('listitem', { name: 'Old Set' })).toHaveCount(0);
});

test('offline: a form outside the live tables answers in words and keeps what was typed', async ({ device }) => {
  const gus = await device('Gus');
  await gus.context.setOffline(true);
  await gus.page.getByRole('button', { name: 'Start a band' }).click();
  await gus.page.getByLabel('Band name').fill('Garage Days');
  await gus.page.getByRole('button', { name: 'Create band' }).click();
  await expect(gus.page.getByRole('alert').filter({ hasText: 'Could not reach the server' })).toBeVisible();
  await expect(gus.page.getByLabel('Band name')).toHaveValue('Garage Days');
  await gus.context.setOffline(false);
  await gus.page.getByRole('button', { name: 'Create band' }).click();
  await expect(gus.page).toHaveURL(/\/bands\/[0-9a-f-]{36}\/songs$/);
  await expect(gus.page.getByRole('heading', { level: 1, name: 'Garage Days' })).toBeVisible();
});
