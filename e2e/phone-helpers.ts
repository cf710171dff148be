import AxeBuilder from '@axe-core/playwright';
import { createClient } from '@supabase/supabase-js';
import type { Page } from '@playwright/test';
import type { Database } from '@/lib/database.types';
import { expect, PASSWORD, type Device } from './fixtures';

// Measurements for the phone-screens spec, taken in the page itself: what a 390×844 phone shows first, whether the
// page scrolls sideways, and which targets are smaller than 44×44 CSS px.

export const PHONE = { width: 390, height: 844 };
const MIN_TARGET = 44;

/** Interactive elements smaller than 44×44, by accessible name; a control inside a bigger <label> counts as the label. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link]';
    const offenders: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      // Not shown: display none, hidden, or the 1 px sr-only pattern (nothing to tap).
      if (style.visibility === 'hidden' || element.getClientRects().length === 0 || (box.width <= 1 && box.height <= 1)) continue;
      const label = element.closest('label')?.getBoundingClientRect();
      const width = Math.max(box.width, label?.width ?? 0);
      const height = Math.max(box.height, label?.height ?? 0);
      if (Math.round(width) >= min && Math.round(height) >= min) continue;
      const labelled = (element as HTMLInputElement).labels?.[0]?.textContent;
      const name = element.getAttribute('aria-label') ?? (labelled || element.textContent || element.getAttribute('title') || element.tagName);
      offenders.push(`${name.trim().replace(/\s+/g, ' ').slice(0, 60)} (${Math.round(width)}×${Math.round(height)})`);
    }
    return offenders;
  }, MIN_TARGET);
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** supabase-js signed in as the device's user: another device of the same member, without a browser. */
export async function apiAs(device: Device) {
  const { resolveSupabaseEnv } = await import('../scripts/lib/supabase-env.mjs');
  const { url, env } = await resolveSupabaseEnv({ mode: 'production', start: false });
  const key = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;
  const supabase = createClient<Database>(url, key!, { auth: { persistSession: false, autoRefreshToken: false } });
  expect((await supabase.auth.signInWithPassword({ email: device.email, password: PASSWORD })).error).toBeNull();
  return supabase;
}

type BandContent = { setlistId: string; showId: string; practiceId: string };

/**
 * Songs, a setlist, a show and a practice written as the device's user through the API (under RLS, as the app
 * would), so every page of the band has a list to show.
 */
export async function fillBand(device: Device, bandId: string, titles: string[]): Promise<BandContent> {
  const supabase = await apiAs(device);
  const must = <T>({ data, error }: { data: T | null; error: unknown }): T => {
    expect(error).toBeNull();
    return data!;
  };
  const songs = must(
    await supabase
      .from('songs')
      .insert(titles.map((title, index) => ({ band_id: bandId, title, key: ['Am', 'E', 'C#m', 'G'][index % 4], tempo_bpm: 80 + index * 20, duration_s: 200 + index * 10, status: index % 2 ? 'ready' : 'learning' })))
      .select('id'),
  ) as Array<{ id: string }>;
  const setlist = must(await supabase.from('setlists').insert({ band_id: bandId, name: 'Friday set' }).select('id').single()) as { id: string };
  must(await supabase.from('setlist_items').insert(songs.map((song, index) => ({ band_id: bandId, setlist_id: setlist.id, kind: 'song' as const, song_id: song.id, position: `a${index}` }))).select('id'));
  const day = (days: number, hour: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 11) + `${hour}:00:00Z`;
  const show = must(await supabase.from('shows').insert({ band_id: bandId, title: 'Club night', starts_at: day(10, 20), time_zone: 'Europe/Lisbon', status: 'confirmed', setlist_id: setlist.id }).select('id').single()) as { id: string };
  const practice = must(await supabase.from('practice_sessions').insert({ band_id: bandId, starts_at: day(5, 18), ends_at: day(5, 21), time_zone: 'Europe/Lisbon', location: 'Room 3' }).select('id').single()) as { id: string };
  must(await supabase.from('practice_items').insert(songs.slice(0, 2).map((song, index) => ({ band_id: bandId, session_id: practice.id, song_id: song.id, position: `a${index}`, goal: 'Tight ending' }))).select('id'));
  await supabase.auth.signOut({ scope: 'local' }); // global would end the browser's session too
  return { setlistId: setlist.id, showId: show.id, practiceId: practice.id };
}
