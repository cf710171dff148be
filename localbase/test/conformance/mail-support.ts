import type { Target } from './target.ts';

export interface CaughtMail {
  ID: string;
  Subject: string;
  From: { Name: string; Address: string };
  To: { Name: string; Address: string }[];
  Text: string;
  HTML: string;
  Created?: string;
  Snippet?: string;
}

function mailUrl(target: Target): string {
  if (!target.mailUrl) throw new Error('The target has no mail catcher URL (status MAILPIT_URL, or LOCALBASE_TARGET_MAILPIT_URL).');
  return target.mailUrl;
}

/** Mailpit's search by recipient, newest first. */
export async function mailsTo(target: Target, address: string): Promise<CaughtMail[]> {
  const res = await fetch(`${mailUrl(target)}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`);
  if (!res.ok) throw new Error(`mail search answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { messages: CaughtMail[] }).messages;
}

/** Waits for the `count`-th mail to an address and returns it whole (Text and HTML). */
export async function waitForMail(target: Target, address: string, count = 1, timeoutMs = 5000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await mailsTo(target, address);
    if (found.length >= count) {
      const res = await fetch(`${mailUrl(target)}/api/v1/message/${found[0]!.ID}`);
      return (await res.json()) as CaughtMail;
    }
    if (Date.now() > deadline) throw new Error(`no mail #${count} to ${address} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first link of the HTML part, entity-decoded as a browser would read the attribute. */
export function firstLink(mail: CaughtMail): URL {
  const href = /href="([^"]+)"/.exec(mail.HTML)?.[1];
  if (!href) throw new Error(`no link in mail "${mail.Subject}"`);
  return new URL(href.replace(/&amp;/g, '&').replace(/&#34;/g, '"').replace(/&#39;/g, "'"));
}

/** Follows a mailed link without following the 303, so the redirect itself can be inspected. */
export async function followLink(link: URL): Promise<{ status: number; location: URL }> {
  const res = await fetch(link, { redirect: 'manual' });
  return { status: res.status, location: new URL(res.headers.get('location') ?? 'about:blank') };
}

/** Reads a Go-style query string (fragment or search) into an object. */
export function params(encoded: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(encoded.replace(/^[#?]/, '')));
}
