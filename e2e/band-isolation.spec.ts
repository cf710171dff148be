import { addSong, createBand, expectLive } from './band-helpers';
import { expect, test } from './fixtures';

test('band isolation: a user in another band never sees the first band’s songs, on the page or over Realtime', async ({ device }) => {
  const alice = await device('Alice');
  const mallory = await device('Mallory');

  // Every Realtime frame Mallory's browser receives, as text.
  const frames: string[] = [];
  mallory.page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : payload.toString('utf8')));
  });

  const aliceBand = await createBand(alice.page, 'Private Band');
  const malloryBand = await createBand(mallory.page, 'Other Band');
  await expectLive(alice.page);
  await expectLive(mallory.page);

  await addSong(alice.page, { title: 'Secret Song 1', notes: 'do not leak' });
  await addSong(mallory.page, { title: 'Mallory Song' });
  await addSong(alice.page, { title: 'Secret Song 2', notes: 'do not leak' });

  // Mallory's own song arrived over her socket, so the socket was live while Alice's songs were written.
  await expect.poll(() => frames.some((frame) => frame.includes('Mallory Song')), { timeout: 10_000, message: 'frames seen: ' + frames.length }).toBe(true);
  // Songs are the list's own items (each song holds a nested list of members' learn status).
  await expect(mallory.page.getByRole('list', { name: 'Songs' }).locator(':scope > li')).toHaveCount(1);
  expect(frames.filter((frame) => frame.includes('Secret Song') || frame.includes('do not leak') || frame.includes(aliceBand))).toEqual([]);

  // Her band list and a direct URL to Alice's band show nothing (404, not 403: the band does not exist for her).
  await mallory.page.goto('/bands');
  await expect(mallory.page.getByRole('link', { name: 'Private Band' })).toHaveCount(0);
  const direct = await mallory.page.request.get(`/bands/${aliceBand}/songs`);
  expect(direct.status()).toBe(404);
  expect(await direct.text()).not.toContain('Secret Song');
  expect(malloryBand).not.toBe(aliceBand);
});
