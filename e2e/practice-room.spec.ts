import { bandOfTwo, expectLive, songRow } from './band-helpers';
import { expectAccessibleAtPhoneWidth } from './calendar-helpers';
import { expect, test } from './fixtures';
import { apiAs, fillBand } from './phone-helpers';
import { currentTitle } from './room-helpers';

test('practice room: Alice leads, Bob follows; notes and learn status live (on the song list too); the summary is kept; bad input refused', async ({ device }) => {
  test.setTimeout(180_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Rehearsal Band');
  await fillBand(alice, bandId, ['Anthem', 'Ballad', 'Closer']);
  const { data: practice } = await (await apiAs(alice)).from('practice_sessions').select('id').eq('band_id', bandId).single();
  const room = `/bands/${bandId}/practice/${practice!.id}/room`;

  // From the practice page into the room; the member who starts leads, on the first agenda item.
  await alice.page.goto(`/bands/${bandId}/practice/${practice!.id}`);
  await alice.page.getByRole('button', { name: 'Start practice' }).click();
  await expect(alice.page).toHaveURL(room);
  await expect(currentTitle(alice.page)).toHaveText('Anthem');
  await bob.page.setViewportSize({ width: 390, height: 844 });
  await bob.page.goto(room);
  await expectLive(bob.page);
  await expect(currentTitle(bob.page)).toHaveText('Anthem');
  await expect(bob.page.locator('[data-field="current-goal"]')).toHaveText('Goal: Tight ending');
  await expect(bob.page.locator('[data-field="leader"]')).toHaveText('Alice leads.');
  await expect(alice.page.getByRole('list', { name: 'In the room' })).toContainText('Bob');
  await expectAccessibleAtPhoneWidth(bob.page);

  // Notes: anyone adds one to the current song, both see it; an empty or too long note is refused in words.
  await bob.page.getByLabel('Add a note').fill('Watch the tempo in the bridge');
  await bob.page.getByRole('button', { name: 'Add note' }).click();
  await expect(alice.page.getByRole('list', { name: 'Notes' })).toHaveText(/Bob: Watch the tempo in the bridge/);
  await bob.page.getByRole('button', { name: 'Add note' }).click();
  await expect(bob.page.getByText('Write the note first.')).toBeVisible();
  await bob.page.getByLabel('Add a note').fill('x'.repeat(501));
  await bob.page.getByRole('button', { name: 'Add note' }).click();
  await expect(bob.page.getByText('A note can be up to 500 characters.')).toBeVisible();
  await expect(bob.page.getByLabel('Add a note')).toHaveValue('x'.repeat(501)); // kept

  // Bob sets his learn status from the room: Alice sees it in the room and on her song list, live.
  const songs = await alice.context.newPage();
  await songs.goto(`/bands/${bandId}/songs`);
  await expectLive(songs);
  await bob.page.getByRole('group', { name: 'My status for Anthem' }).getByRole('button', { name: 'Learning' }).click();
  await expect(alice.page.locator('[data-member="Bob"]')).toHaveAttribute('data-status', 'learning');
  await expect(songRow(songs, 'Anthem').locator('[data-member="Bob"]')).toHaveAttribute('data-status', 'learning');
  await songs.close();

  // Bad moves: Bob (not the leader) and a move to an item of no agenda are refused by the database.
  const bobApi = await apiAs(bob);
  const aliceApi = await apiAs(alice);
  const { data: rooms } = await bobApi.from('live_rooms').select('id, item_id').eq('practice_id', practice!.id);
  const { data: setlistItems } = await aliceApi.from('setlist_items').select('id').eq('band_id', bandId).limit(1);
  expect((await bobApi.rpc('room_move', { p_room_id: rooms![0]!.id, p_item_id: rooms![0]!.item_id! })).error?.code).toBe('42501');
  const outside = await aliceApi.rpc('room_move', { p_room_id: rooms![0]!.id, p_item_id: setlistItems![0]!.id });
  expect(outside.error?.code).toBe('22023');
  expect(outside.error?.message).toBe("That item is not on this room's agenda");

  // Alice hands the lead to Bob, who is in the room: he drives, and hands it back.
  await alice.page.getByLabel('Hand the lead to').selectOption({ label: 'Bob' });
  await alice.page.getByRole('button', { name: 'Hand over' }).click();
  await expect(bob.page.locator('[data-field="leader"]')).toContainText('You lead.');
  await expect(alice.page.locator('[data-field="leader"]')).toHaveText('Bob leads.');
  await bob.page.getByRole('button', { name: 'Next song' }).click();
  await expect(currentTitle(alice.page)).toHaveText('Ballad');
  await bob.page.getByLabel('Hand the lead to').selectOption({ label: 'Alice' });
  await bob.page.getByRole('button', { name: 'Hand over' }).click();
  await expect(alice.page.locator('[data-field="leader"]')).toContainText('You lead.');
  await alice.page.getByRole('button', { name: 'Previous song' }).click();
  await expect(currentTitle(bob.page)).toHaveText('Anthem');

  // Bob loses the connection: his screen says it is not following, then catches up when back.
  await bob.context.setOffline(true);
  await expect(bob.page.locator('[data-field="room-connection"]')).toHaveAttribute('data-state', 'offline');
  await alice.page.getByRole('button', { name: 'Next song' }).click();
  await expect(currentTitle(alice.page)).toHaveText('Ballad');
  await expect(currentTitle(bob.page)).toHaveText('Anthem');
  await bob.context.setOffline(false);
  await expect(currentTitle(bob.page)).toHaveText('Ballad');
  await expect(bob.page.locator('[data-field="room-connection"]')).toHaveCount(0);

  // The leader offline: a move is not kept for later (a stale move would yank everyone back); her screen steps
  // back and says why.
  alice.tolerate(/ERR_INTERNET_DISCONNECTED/); // the browser logs each request it could not send
  await alice.context.setOffline(true);
  await alice.page.getByRole('button', { name: 'Previous song' }).click();
  await expect(alice.page.getByRole('alert').filter({ hasText: 'Could not reach the server' })).toBeVisible();
  await expect(currentTitle(alice.page)).toHaveText('Ballad');
  await alice.context.setOffline(false);
  await expectLive(alice.page);

  // Alice ends the practice after a moment on Ballad; the practice page shows what was covered.
  await alice.page.waitForTimeout(1_100);
  await alice.page.getByRole('button', { name: 'End practice' }).click();
  await expect(bob.page.getByRole('button', { name: 'Start practice' })).toBeVisible();
  await bob.page.goto(`/bands/${bandId}/practice/${practice!.id}`);
  const summary = bob.page.getByRole('region', { name: /Last practice room: 2 songs/ });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('listitem', { name: 'Anthem' })).toContainText('Watch the tempo in the bridge');
  await expect(summary.getByRole('listitem', { name: 'Ballad' }).locator('[data-field="summary-time"]')).not.toHaveText('0:00');
});
