import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';

// Fixtures for the live-collaboration specs: every "device" is its own browser context (own cookies, own
// socket) with a freshly signed-up user, and every device fails the test if its console logged an error.

export type Device = {
  context: BrowserContext;
  page: Page;
  name: string;
  email: string;
  /** Console errors and uncaught page errors seen so far on this device. */
  errors: string[];
  /** Stop failing on console errors matching this (a spec that causes an outage on purpose). */
  tolerate(pattern: RegExp): void;
};

export const PASSWORD = 'e2e-password-1';

let counter = 0;

async function openDevice(browser: Browser, name: string): Promise<Device> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const tolerated: RegExp[] = [];
  const record = (text: string) => {
    if (!tolerated.some((pattern) => pattern.test(text))) errors.push(text);
  };
  context.on('console', (message) => {
    if (message.type() === 'error') record(`${name}: ${message.text()}`);
  });
  context.on('weberror', (error) => record(`${name}: ${error.error().message}`));
  counter += 1;
  const email = `${name.toLowerCase()}-${Date.now().toString(36)}-${process.pid}-${counter}@e2e.rock-on.test`;
  return { context, page, name, email, errors, tolerate: (pattern) => tolerated.push(pattern) };
}

/** Signs the device's user up through the UI (the real form, the real server action), landing on /bands. */
export async function signUp(device: Device): Promise<void> {
  const { page } = device;
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(device.name);
  await page.getByLabel('Email').fill(device.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/bands$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(device.email);
}

type Fixtures = {
  /** Opens a new signed-up device; closed, and checked for console errors, when the test ends. */
  device: (name: string) => Promise<Device>;
};

export const test = base.extend<Fixtures>({
  // The fixture callback is named `provide`, not `use`, so the React hooks lint rule does not mistake it for React.use.
  device: async ({ browser }, provide) => {
    const devices: Device[] = [];
    await provide(async (name) => {
      const device = await openDevice(browser, name);
      devices.push(device);
      await signUp(device);
      return device;
    });
    const errors = devices.flatMap((device) => device.errors);
    await Promise.all(devices.map((device) => device.context.close()));
    expect(errors, 'console errors in the browsers').toEqual([]);
  },
});

export { expect };
