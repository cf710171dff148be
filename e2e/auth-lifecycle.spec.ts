import type { Page, WebSocket } from '@playwright/test';
import { connection, createBand, expectLive } from './band-helpers';
import { expectAccessibleAtPhoneWidth } from './calendar-helpers';
import { expect, PASSWORD, test, type Device } from './fixtures';
import { confirmLink, mailCount, nextMail, oneTimeCode } from './mail-catcher';

// The auth lifecycle as a user lives it: password reset and sign-in by link or code, each completed through the
// local mail catcher, dead links, and "sign out of all devices" ending another device's session live.

const PHONE = { width: 390, height: 844 };

/** Every control in the page's main region (and the header's sign-out) is at least 44 px tall and wide. */
async function expectTouchTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main a, main button, main input:not([type=hidden]), header form button')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return false;
        // A link inside a sentence is exempt (WCAG 2.5.8 "inline"), but still needs the height.
        const inline = element.tagName === 'A' && element.closest('p') !== null;
        return box.height < 44 || (!inline && box.width < 44);
      })
      .map((element) => `${element.tagName} "${element.textContent?.trim() || element.getAttribute('name')}"`),
  );
  expect(small, 'touch targets under 44 px').toEqual([]);
}

async function expectPhoneReady(page: Page): Promise<void> {
  await expectAccessibleAtPhoneWidth(page);
  await expectTouchTargets(page);
}

/** Signs in through the login form on a page of its own (another device of an existing user). */
async function signInAs(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A server action round trip plus a page render: seconds on a busy 2-core machine.
  await expect(page).toHaveURL(new RegExp(`${next}$`), { timeout: 20_000 });
}

async function signOutHere(device: Device): Promise<void> {
  await device.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(device.page).toHaveURL(/\/login$/, { timeout: 20_000 });
}

test('password reset: the mail link signs in on the app\'s own origin, a new password is chosen, the used link is refused', async ({ device, baseURL, browser }) => {
  test.setTimeout(120_000);
  const rita = await device('Rita');
  await rita.page.setViewportSize(PHONE);
  await signOutHere(rita);

  await rita.page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(rita.page).toHaveURL(/\/forgot-password$/);
  await expectPhoneReady(rita.page);

  // An unknown address gets the same answer as a known one.
  await rita.page.getByLabel('Email').fill(`nobody-${Date.now()}@e2e.rock-on.test`);
  await rita.page.getByRole('button', { name: 'Send me a reset link' }).click();
  const neutral = rita.page.getByRole('status').filter({ hasText: 'we have sent it a link' });
  await expect(neutral).toContainText('If an account uses nobody-');

  const seen = await mailCount(rita.email);
  await rita.page.getByLabel('Email').fill(rita.email);
  await rita.page.getByRole('button', { name: 'Send the link again' }).click();
  await expect(neutral).toContainText(`If an account uses ${rita.email}`);
  const mail = await nextMail(rita.email, seen);
  expect(mail.subject).toBe('Reset your Rock-On password');
  const link = confirmLink(mail);
  // The link comes back to wherever the app runs (this suite's port, not site_url's 3000).
  expect(link.origin).toBe(new URL(baseURL!).origin);
  expect(link.searchParams.get('type')).toBe('recovery');

  await rita.page.goto(link.href);
  await expect(rita.page).toHaveURL(/\/settings\/password$/);
  await expect(rita.page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectPhoneReady(rita.page);

  const newPassword = rita.page.getByLabel(/^New password/);
  const again = rita.page.getByLabel('Type it again');
  const save = rita.page.getByRole('button', { name: 'Save the new password' });
  await newPassword.fill('brand-new-pass');
  await again.fill('brand-new-pasS');
  await save.click();
  await expect(again).toHaveAccessibleDescription('The two passwords are not the same');
  await expect(again).toBeFocused();
  await newPassword.fill(PASSWORD);
  await again.fill(PASSWORD);
  await save.click();
  await expect(newPassword).toHaveAccessibleDescription('That is your current password. Choose a different one.');
  await expect(newPassword).toBeFocused();
  await newPassword.fill('brand-new-pass');
  await again.fill('brand-new-pass');
  await save.click();
  await expect(rita.page).toHaveURL(/\/settings\/account\?notice=password-changed$/);
  await expect(rita.page.getByText('Your new password is saved. You are signed in.')).toBeVisible();
  await expect(rita.page.getByTestId('signed-in-as')).toHaveText(rita.email);

  // The same link again: used, so a styled page says so and offers a new one, even to someone signed in.
  await rita.page.goto(link.href);
  await expect(rita.page).toHaveURL(/\/auth\/link-error\?problem=expired&type=recovery$/);
  await expect(rita.page.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
  await expect(rita.page.getByText('This link has already been used, or it has expired.')).toBeVisible();
  await expectPhoneReady(rita.page);
  await expect(rita.page.getByRole('link', { name: 'Send me a new reset link' })).toHaveAttribute('href', '/forgot-password');

  // The new password works on another device; the old one does not.
  const other = await browser.newContext();
  const page = await other.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(rita.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible();
  await page.getByLabel('Password').fill('brand-new-pass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/bands$/);
  await other.close();
});

test('magic link: an unknown address is told to sign up; the mail link signs in and returns to ?next=', async ({ device }) => {
  test.setTimeout(90_000);
  const mia = await device('Mia');
  await mia.page.setViewportSize(PHONE);
  await signOutHere(mia);

  await mia.page.goto('/login?next=%2Fsettings%2Faccount');
  await mia.page.getByRole('link', { name: 'Email me a sign-in link' }).click();
  await expect(mia.page).toHaveURL(/\/login\/email\?next=%2Fsettings%2Faccount$/);
  await expectPhoneReady(mia.page);

  const email = mia.page.getByLabel('Email');
  await email.fill(`stranger-${Date.now()}@e2e.rock-on.test`);
  await mia.page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(email).toHaveAccessibleDescription('There is no account with this email yet. Create one first.');
  await expect(email).toBeFocused();
  await expect(mia.page.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/signup?next=%2Fsettings%2Faccount');

  const seen = await mailCount(mia.email);
  await email.fill(mia.email);
  await mia.page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(mia.page.getByRole('status').filter({ hasText: `We sent a sign-in link and a 6-digit code to ${mia.email}` })).toBeVisible();
  const mail = await nextMail(mia.email, seen);
  expect(mail.subject).toBe('Your Rock-On sign-in link and code');
  const link = confirmLink(mail);
  expect(link.searchParams.get('next')).toBe('/settings/account');

  await mia.page.goto(link.href);
  await expect(mia.page).toHaveURL(/\/settings\/account$/);
  await expect(mia.page.getByTestId('signed-in-as')).toHaveText(mia.email);
});

test('email code: a wrong code is refused on its field, the mailed code signs in (mail read on another device)', async ({ device }) => {
  test.setTimeout(90_000);
  const otto = await device('Otto');
  await otto.page.setViewportSize(PHONE);
  await signOutHere(otto);

  await otto.page.goto('/login/email');
  const seen = await mailCount(otto.email);
  await otto.page.getByLabel('Email').fill(otto.email);
  await otto.page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const code = otto.page.getByLabel(/^Code from the email/);
  await expect(code).toBeVisible();
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expectPhoneReady(otto.page);

  const mail = await nextMail(otto.email, seen);
  const token = oneTimeCode(mail);
  const wrong = token === '000000' ? '111111' : '000000';
  await code.fill(wrong);
  await otto.page.getByRole('button', { name: 'Sign in with the code' }).click();
  await expect(code).toHaveAccessibleDescription(/This code is wrong, used or expired/);
  await expect(code).toBeFocused();

  await code.fill(`${token.slice(0, 3)} ${token.slice(3)}`);
  await otto.page.getByRole('button', { name: 'Sign in with the code' }).click();
  await expect(otto.page).toHaveURL(/\/bands$/);
  await expect(otto.page.getByTestId('signed-in-as')).toHaveText(otto.email);
});

test('a broken or unknown link lands on the styled page, axe-clean on a phone', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize(PHONE);
  await page.goto('/auth/confirm?next=%2Fbands&type=email');
  await expect(page).toHaveURL(/\/auth\/link-error\?problem=invalid&type=email$/);
  await expect(page.getByText('This link is incomplete.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Send me a new sign-in link' })).toHaveAttribute('href', '/login/email');
  await expectPhoneReady(page);

  await page.goto('/auth/confirm?next=%2F%2Fevil.example&token_hash=pkce_0000&type=recovery');
  await expect(page).toHaveURL(/\/auth\/link-error\?problem=expired&type=recovery$/);
});

test('sign out of all devices: the other device closes its channels and shows the sign-in page by itself', async ({ device, browser }) => {
  test.setTimeout(120_000);
  const alex = await device('Alex');
  const bandId = await createBand(alex.page, 'Signed Out Band');

  // Device B: the same user signed in on another browser, watching the band's songs live.
  const contextB = await browser.newContext({ viewport: PHONE });
  const pageB = await contextB.newPage();
  const errorsB: string[] = [];
  // Auth's 403 for the revoked session is the expected answer to B's last request; anything else is a failure.
  pageB.on('console', (message) => {
    if (message.type() === 'error' && !/status of 403|session_not_found/.test(message.text())) errorsB.push(message.text());
  });
  const sockets: WebSocket[] = [];
  pageB.on('websocket', (socket) => sockets.push(socket));
  await signInAs(pageB, alex.email, `/bands/${bandId}/songs`);
  await expectLive(pageB);
  const realtime = sockets.find((socket) => socket.url().includes('/realtime/v1/websocket'))!;
  expect(realtime, "B's Realtime socket").toBeTruthy();
  const leaves: string[] = [];
  realtime.on('framesent', ({ payload }) => {
    const text = String(payload);
    if (text.includes('phx_leave')) leaves.push(text);
  });
  const closed = new Promise<void>((resolve) => realtime.on('close', () => resolve()));

  // Device C: signed in too, but its Realtime socket reaches nothing (a stand-in that never answers), so it
  // misses the message, like a phone that was asleep.
  const contextC = await browser.newContext({ viewport: PHONE });
  await contextC.routeWebSocket(/\/realtime\/v1\/websocket/, () => undefined);
  const pageC = await contextC.newPage();
  const errorsC: string[] = [];
  pageC.on('console', (message) => {
    if (message.type() === 'error' && !/status of 403|session_not_found/.test(message.text())) errorsC.push(message.text());
  });
  await signInAs(pageC, alex.email, '/bands');

  await alex.page.setViewportSize(PHONE);
  await alex.page.goto('/settings/account');
  await expectPhoneReady(alex.page);
  // A clears its own revoked session last: Auth answers that request 403, as it should.
  alex.tolerate(/status of 403/);
  const clicked = Date.now();
  await alex.page.getByRole('button', { name: 'Sign out of all devices' }).click();
  await expect(alex.page).toHaveURL(/\/login\?reason=signed-out-everywhere$/, { timeout: 20_000 });
  console.log(`sign out everywhere: A on /login after ${Date.now() - clicked} ms`);
  await expect(alex.page.getByText('You signed out of all your devices.')).toBeVisible();

  // B did nothing: it left its channels (phx_leave for the songs channel), closed the socket and went to /login.
  await expect(pageB).toHaveURL(/\/login\?reason=signed-out$/, { timeout: 10_000 });
  console.log(`sign out everywhere: B on /login ${Date.now() - clicked} ms after A's click`);
  await expect(pageB.getByText('You have been signed out on this device.')).toBeVisible();
  await closed;
  expect(leaves.some((frame) => frame.includes(`realtime:songs:${bandId}`)), 'B left the songs channel').toBe(true);
  await expect(connection(pageB)).toHaveCount(0);
  await expectPhoneReady(pageB);

  // Its session is gone for good: the band's pages send it to sign in.
  await pageB.goto(`/bands/${bandId}/songs`);
  await expect(pageB).toHaveURL(/\/login\?next=/);

  // Nothing has told C yet; once its tab is looked at again, Auth answers that the session no longer exists.
  await pageC.waitForTimeout(1_000);
  await expect(pageC).toHaveURL(/\/bands$/);
  await pageC.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(pageC).toHaveURL(/\/login\?reason=signed-out$/, { timeout: 10_000 });

  expect(errorsB).toEqual([]);
  expect(errorsC).toEqual([]);
  await Promise.all([contextB.close(), contextC.close()]);
});
