import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addSong, bandOfTwo, expectLive, songRow } from './band-helpers';
import { expect, test } from './fixtures';

const CHART = '{title: Chart Song}\n{key: C}\n{soc}\n[C]Hello [F]there [G]friend\n{eoc}\n[G broken line';

async function openChart(page: Page, title: string): Promise<void> {
  await songRow(page, title).getByRole('link', { name: `Chart for ${title}` }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expectLive(page);
}

function chords(page: Page): Promise<string[]> {
  return page.locator('[data-chart] [data-chord]').evaluateAll((spans) => spans.map((span) => span.getAttribute('data-chord') ?? ''));
}

test('song chart: edited with a live preview, saved, seen live by a bandmate, transposed; a 1 MB paste is refused in words', async ({ device }) => {
  test.setTimeout(180_000);
  const { alice, bob, bandId } = await bandOfTwo(device, 'Chart Band');
  await addSong(alice.page, { title: 'Chart Song', key: 'C' });
  await expect(alice.page.locator('[data-pending]')).toHaveCount(0);
  await bob.page.goto(`/bands/${bandId}/songs`);
  await openChart(alice.page, 'Chart Song');
  await openChart(bob.page, 'Chart Song');

  // A types: the preview follows, the bad line is marked, nothing is saved yet.
  await alice.page.getByLabel(/^Chart \(ChordPro/).fill(CHART);
  await expect.poll(() => chords(alice.page)).toEqual(['C', 'F', 'G']);
  await expect(alice.page.locator('[data-bad-line]')).toContainText('Couldn’t read this line');
  await alice.page.getByRole('button', { name: 'Save chart' }).click();
  await expect(alice.page.getByText('Chart saved.')).toBeVisible();

  // B sees it live, without reloading.
  await expect.poll(() => chords(bob.page)).toEqual(['C', 'F', 'G']);
  await expect(bob.page.getByLabel(/^Chart \(ChordPro/)).toHaveValue(CHART);

  // Transpose preview: −2 is Bb with flats; ±50 typed is clamped with a message.
  const transpose = bob.page.getByLabel('Preview transposed (semitones)');
  await transpose.fill('-2');
  await expect.poll(() => chords(bob.page)).toEqual(['Bb', 'Eb', 'F']);
  await expect(bob.page.getByRole('heading', { name: 'Preview in Bb' })).toBeVisible();
  await transpose.fill('50');
  await transpose.press('Enter');
  await expect(transpose).toHaveValue('11');
  await expect(bob.page.getByText(/from −11 to \+11/)).toBeVisible();

  // A 1 MB paste: our words, not a framework error, and the saved chart is unchanged.
  await alice.page.getByLabel(/^Chart \(ChordPro/).fill('x'.repeat(1_000_000));
  await alice.page.getByRole('button', { name: 'Save chart' }).click();
  // Next's route announcer is an alert too; ours is the one with the words.
  await expect(alice.page.getByRole('alert').filter({ hasText: 'Charts can be' })).toHaveText('Charts can be up to 20,000 characters');
  await alice.page.reload();
  await expect(alice.page.getByLabel(/^Chart \(ChordPro/)).toHaveValue(CHART);
});

test('song chart: the page at 390 px is axe clean and does not scroll sideways', async ({ device }) => {
  test.setTimeout(120_000);
  const { alice } = await bandOfTwo(device, 'Chart Phone Band');
  await addSong(alice.page, { title: 'Long Line', key: 'F' });
  await alice.page.setViewportSize({ width: 390, height: 844 });
  await openChart(alice.page, 'Long Line');
  await alice.page.getByLabel(/^Chart \(ChordPro/).fill(`[F]${'a very long lyric line that must wrap '.repeat(6)}[Bb]end\n[C broken`);
  await expect(alice.page.locator('[data-bad-line]')).toBeVisible();
  const results = await new AxeBuilder({ page: alice.page }).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
  const overflow = await alice.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
