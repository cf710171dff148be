import { addSong, bandOfTwo, connection, expectLive, openEditor, saveEdit, songRow } from './band-helpers';
import { expect, test, type Device } from './fixtures';
import { restartStack, sessionLifetime, startStack, stopStack, tolerateOutage } from './stack-control';

// These take the stack away from under the app, so they run serially in their own project after the rest.
test.describe.configure({ mode: 'serial' });

test('stack outage: the indicator shows a stop/start of the stack, and an edit made before a device is back appears after its refetch', async ({ device }) => {
  test.setTimeout(120_000);
  const { alice, bob } = await bandOfTwo(device, 'Outage Band');
  await addSong(alice.page, { title: 'Outage Song', tempo: '100' });
  await expect(songRow(bob.page, 'Outage Song')).toBeVisible();
  tolerateOutage(alice, bob);

  // Alice's socket goes through a switch, so she can be kept offline after the stack returns: that proves the
  // edit reaches her through the refetch after re-subscribe, not through an event she was subscribed for.
  let aliceBlocked = false;
  await alice.context.routeWebSocket(/\/realtime\/v1\/websocket/, (socket) => {
    if (aliceBlocked) socket.close({ code: 1011, reason: 'e2e: held offline' });
    else socket.connectToServer();
  });
  await alice.page.reload();
  await expectLive(alice.page);

  await stopStack();
  await expect(connection(alice.page)).toHaveAttribute('data-state', 'reconnecting', { timeout: 30_000 });
  await expect(connection(bob.page)).toHaveAttribute('data-state', 'reconnecting', { timeout: 30_000 });

  aliceBlocked = true;
  await startStack();
  await expectLive(bob.page, 30_000);
  await saveEdit(await openEditor(bob.page, 'Outage Song'), { tempo: '130' });
  await expect(songRow(bob.page, 'Outage Song').locator('[data-field="tempo_bpm"]')).toHaveText('130 BPM');

  // Alice is still cut off: no event can have reached her.
  await expect(connection(alice.page)).not.toHaveAttribute('data-state', 'connected');
  await expect(songRow(alice.page, 'Outage Song').locator('[data-field="tempo_bpm"]')).toHaveText('100 BPM');

  aliceBlocked = false;
  await expectLive(alice.page, 30_000);
  await expect(songRow(alice.page, 'Outage Song').locator('[data-field="tempo_bpm"]')).toHaveText('130 BPM');
  expect(await alice.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

test('token expiry: with 20 s access tokens, edits keep flowing both ways past several expiries', async ({ device }) => {
  const EXPIRY_S = 20;
  const RUN_MS = 75_000; // more than three token lifetimes
  test.setTimeout(RUN_MS + 150_000);
  await restartStack({ SUPABASE_AUTH_JWT_EXPIRY: String(EXPIRY_S) });
  const opened: Device[] = [];
  try {
    const { alice, bob } = await bandOfTwo(device, 'Expiry Band');
    opened.push(alice, bob);
    expect(await sessionLifetime(alice.page)).toBe(EXPIRY_S);
    await addSong(alice.page, { title: 'Clockwork', tempo: '60' });
    await expect(songRow(bob.page, 'Clockwork')).toBeVisible();

    const started = Date.now();
    let round = 0;
    while (Date.now() - started < RUN_MS) {
      round += 1;
      const [writer, reader] = round % 2 ? [alice, bob] : [bob, alice];
      const tempo = String(60 + round);
      await saveEdit(await openEditor(writer.page, 'Clockwork'), { tempo });
      await expect(songRow(reader.page, 'Clockwork').locator('[data-field="tempo_bpm"]'), `round ${round}`).toHaveText(`${tempo} BPM`, { timeout: 15_000 });
      await writer.page.waitForTimeout(4_000);
    }
    expect(round).toBeGreaterThan(8);
    await expectLive(alice.page);
    await expectLive(bob.page);

    // An edit kept offline for longer than a token's life: its replay still saves (the session is refreshed).
    // realtime-js's heartbeat asks auth for a fresh token while offline, and those attempts fail (README, known gap).
    bob.tolerate(/ERR_INTERNET_DISCONNECTED/);
    await bob.context.setOffline(true);
    await expect(connection(bob.page)).toHaveAttribute('data-state', 'offline');
    const form = await openEditor(bob.page, 'Clockwork');
    await form.getByLabel('Tempo (BPM)').fill('200');
    await form.getByRole('button', { name: 'Save on this device' }).click();
    await expect(bob.page.getByTestId('waiting-changes')).toHaveText(/1 change waiting/);
    await bob.page.waitForTimeout((EXPIRY_S + 5) * 1000);
    await bob.context.setOffline(false);
    await expect(songRow(alice.page, 'Clockwork').locator('[data-field="tempo_bpm"]')).toHaveText('200 BPM', { timeout: 20_000 });
    await expect(bob.page.getByTestId('waiting-changes')).toHaveCount(0);
    await expectLive(bob.page, 30_000);
  } finally {
    // Back to config.toml's expiry for whatever runs next; the still-open pages see that restart as an outage.
    tolerateOutage(...opened);
    await restartStack();
  }
});
