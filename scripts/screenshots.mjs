#!/usr/bin/env node
// @ts-check
// Saves the main pages at desktop (1280×800) and phone (390×844) size into docs/screenshots/, for the README.
// Runs against an app that is already up (npm run dev, or the e2e build) with the seed's demo data loaded:
//
//   node scripts/screenshots.mjs                       # http://localhost:3000
//   SCREENSHOT_URL=http://127.0.0.1:3100 node scripts/screenshots.mjs
//
// Signs in as the seed's demo owner (alex@rock-on.test, see README "Demo accounts"); the ids below are the seed's.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const BASE_URL = process.env.SCREENSHOT_URL ?? 'http://localhost:3000';
const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const DEMO = { email: 'alex@rock-on.test', password: 'rockon-demo' };
const BAND = '/bands/b0000000-0000-4000-8000-000000000001';

const PAGES = [
  { name: 'home', path: '/', signedIn: false },
  { name: 'bands', path: '/bands' },
  { name: 'band-home', path: BAND },
  { name: 'songs', path: `${BAND}/songs` },
  { name: 'setlist', path: `${BAND}/setlists/5e700000-0000-4000-8000-000000000001` },
  { name: 'calendar', path: `${BAND}/calendar` },
  { name: 'show', path: `${BAND}/shows/5e000000-0000-4000-8000-000000000001` },
  { name: 'practice', path: `${BAND}/practice/9a000000-0000-4000-8000-000000000001` },
  { name: 'members', path: `${BAND}/members` },
];
const STAGE = `${BAND}/shows/5e000000-0000-4000-8000-000000000001/stage`;
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

function executablePath() {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  const bundled = chromium.executablePath();
  return bundled && existsSync(bundled) ? bundled : '/usr/bin/chromium';
}

/** Live pages settle once the connection indicator says Live; pages without one are ready when loaded. */
/** @param {import('@playwright/test').Page} page */
async function settled(page) {
  const indicator = page.getByRole('status', { name: 'Connection' }).first();
  if (await indicator.count()) await indicator.and(page.locator('[data-state="connected"]')).waitFor({ timeout: 15_000 }).catch(() => {});
  await page.waitForTimeout(300); // fonts and the month view's last paint
}

/** @param {import('@playwright/test').Page} page */
async function signIn(page) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: /^(Sign in|Log in)$/ }).click();
  await page.waitForURL(/\/bands/, { timeout: 30_000 });
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: executablePath(), args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const visitor = await browser.newContext({ viewport: size.viewport });
    const member = await browser.newContext({ viewport: size.viewport });
    await signIn(await member.newPage());
    for (const shot of PAGES) {
      const page = await (shot.signedIn === false ? visitor : member).newPage();
      await page.goto(`${BASE_URL}${shot.path}`);
      await settled(page);
      const file = path.join(OUT, `${shot.name}-${size.name}.png`);
      // The first screen only, as a visitor sees it: small files, and what "first screen" means on a phone.
      await page.screenshot({ path: file });
      console.log(`saved ${path.relative(process.cwd(), file)}`);
      await page.close();
    }
    await Promise.all([visitor.close(), member.close()]);
  }
  // Stage mode on a phone in landscape, the demo show's room opened (or rejoined) by the demo owner.
  const stage = await browser.newContext({ viewport: { width: 844, height: 390 } });
  const page = await stage.newPage();
  await signIn(page);
  await page.goto(`${BASE_URL}${STAGE}`);
  const start = page.getByRole('button', { name: 'Start the show' });
  if (await start.isVisible()) await start.click();
  await page.locator('[data-field="current-title"]').waitFor();
  await settled(page);
  await page.screenshot({ path: path.join(OUT, 'stage-phone-landscape.png') });
  console.log('saved docs/screenshots/stage-phone-landscape.png');
  await stage.close();
} finally {
  await browser.close();
}
