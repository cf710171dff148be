import { addSong, createBand, expectLive } from './band-helpers';
import { expect, test } from './fixtures';
import { addFromLibrary, createSetlist, dragPath, itemTitles, pressToMove } from './setlist-helpers';

// Measured without Playwright's trace recorder: it serialises the page's DOM around every action, in the page's
// main thread, and those snapshots were the 50–120 ms long tasks (and part of the latency) earlier runs printed.
test.use({ trace: 'off' });

const ITEMS = 60;

test('setlist long tasks: two drags in a 60-item setlist land in order; long tasks (> 50 ms) during them printed', async ({ device }, testInfo) => {
  test.setTimeout(240_000);
  const dana = await device('Dana');
  const bandId = await createBand(dana.page, 'Long Set Band');
  const titles = Array.from({ length: ITEMS }, (_, index) => `Song ${String(index + 1).padStart(2, '0')}`);
  for (const title of titles) await addSong(dana.page, { title, duration: '3:30' });
  await createSetlist(dana.page, bandId, 'Marathon');
  for (const title of titles) await addFromLibrary(dana.page, title);
  await expect(dana.page.locator('[data-pending]')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(() => itemTitles(dana.page)).toEqual(titles);
  await expectLive(dana.page);
  await dana.page.setViewportSize({ width: 1280, height: 1400 });

  // Long tasks (> 50 ms, the only ones the API reports) while the app handles each drag. Playwright's own locator
  // queries run in the page too (a role query walks the whole DOM), so every locator is resolved before the window
  // opens and the drags themselves are raw mouse and key events.
  const watch = () =>
    dana.page.evaluate(() => {
      const seen: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.duration)));
      observer.observe({ type: 'longtask' });
      (window as unknown as { stopWatching: () => number[] }).stopWatching = () => (observer.disconnect(), seen);
    });
  const collect = () => dana.page.evaluate(() => (window as unknown as { stopWatching: () => number[] }).stopWatching());

  const drag = await dragPath(dana.page, 'Song 01', 'Song 05');
  await watch();
  await drag();
  await expect.poll(() => dana.page.evaluate(() => document.querySelector('ol[aria-label="Setlist items"] > li')?.getAttribute('aria-label'))).toBe('Song 02');
  const longTasks = await collect();

  await dana.page.getByRole('button', { name: 'Move Song 30', exact: true }).focus();
  await watch();
  await pressToMove(dana.page, 5);
  const expected = ['Song 02', 'Song 03', 'Song 04', 'Song 05', 'Song 01', ...titles.slice(5, 29), ...titles.slice(30, 35), 'Song 30', ...titles.slice(35)];
  await expect
    .poll(() => dana.page.evaluate(() => [...document.querySelectorAll('ol[aria-label="Setlist items"] > li')].map((li) => li.getAttribute('aria-label'))))
    .toEqual(expected);
  longTasks.push(...(await collect()));
  await expect(dana.page.locator('[data-pending]')).toHaveCount(0);

  const report = `long tasks during two drags of a ${ITEMS}-item setlist: ${longTasks.length ? longTasks.map((ms) => `${ms.toFixed(0)} ms`).join(', ') : 'none'}`;
  console.log(report);
  testInfo.annotations.push({ type: 'long tasks', description: report });
  // Printed, not asserted (asserted: both drags landed, in order): performance is measured, not gated. Figures in
  // the README (Setlists).
});
