import { expect, type Page } from '@playwright/test';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Device } from './fixtures';
import { apiAs } from './phone-helpers';

// Setting up rooms through the API as the band's member (under RLS, as the app writes), and reading what a room
// screen shows.

const KEYS = ['C', 'G', 'Am', 'F', 'Bb', 'E'];

/** `count` songs with keys, tempos and a two-chord chart, in a setlist (a set break after `breakAfter` songs) played by a show. */
export async function seedShow(device: Device, bandId: string, count: number, breakAfter?: number) {
  const supabase = await apiAs(device);
  const titles = Array.from({ length: count }, (_, index) => `Tune ${String(index + 1).padStart(2, '0')}`);
  const songs = await supabase
    .from('songs')
    .insert(titles.map((title, index) => ({ band_id: bandId, title, key: KEYS[index % KEYS.length], tempo_bpm: 90 + index, duration_s: 180, chart: `{title: ${title}}\n[C]Hello [G]world of ${title}` })))
    .select('id, title');
  expect(songs.error).toBeNull();
  const byTitle = new Map(songs.data!.map((song) => [song.title, song.id]));
  const setlist = await supabase.from('setlists').insert({ band_id: bandId, name: 'Tour set' }).select('id').single();
  expect(setlist.error).toBeNull();
  const kinds = titles.flatMap((title, index) => (index === breakAfter ? ['break', title] : [title]));
  const positions = generateNKeysBetween(null, null, kinds.length);
  const items = await supabase.from('setlist_items').insert(
    kinds.map((entry, index) =>
      entry === 'break'
        ? { band_id: bandId, setlist_id: setlist.data!.id, kind: 'break' as const, position: positions[index]!, duration_override_s: 900 }
        : { band_id: bandId, setlist_id: setlist.data!.id, kind: 'song' as const, song_id: byTitle.get(entry)!, position: positions[index]! },
    ),
  );
  expect(items.error).toBeNull();
  const startsAt = new Date(Date.now() + 3_600_000).toISOString();
  const show = await supabase
    .from('shows')
    .insert({ band_id: bandId, title: 'Release party', starts_at: startsAt, time_zone: 'Europe/Lisbon', status: 'confirmed', setlist_id: setlist.data!.id })
    .select('id')
    .single();
  expect(show.error).toBeNull();
  await supabase.auth.signOut({ scope: 'local' }); // global would end the browser's session too
  return { titles, showId: show.data!.id, setlistId: setlist.data!.id };
}

/** The band's current invite link, as the members page shows it (bandOfTwo already created one). */
export async function currentInviteLink(page: Page, bandId: string): Promise<string> {
  await page.goto(`/bands/${bandId}/members`);
  const link = page.getByTestId('invite-link');
  // The server renders the path; the page adds its own origin once hydrated.
  await expect(link).toHaveText(/^https?:\/\/.+\/join\/[0-9A-F]{10}$/);
  return (await link.textContent())!.trim();
}

export function currentTitle(page: Page) {
  return page.locator('[data-field="current-title"]');
}

/** Records, in the page, when the current title changes to each text (wall-clock ms), for the latency figures. */
export async function watchTitles(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { titleSeen: Record<string, number> }).titleSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-field="current-title"]')?.textContent ?? '';
      if (!(text in seen)) seen[text] = performance.timeOrigin + performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export function titlesSeen(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => (window as unknown as { titleSeen: Record<string, number> }).titleSeen);
}

/** Records, in the leader's page, the wall-clock ms of every key press the room hears. */
export async function watchKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const pressed: number[] = [];
    (window as unknown as { keysPressed: number[] }).keysPressed = pressed;
    window.addEventListener('keydown', () => pressed.push(performance.timeOrigin + performance.now()), { capture: true });
  });
}

export function keysPressed(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { keysPressed: number[] }).keysPressed);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
