import { expect } from '@playwright/test';

// Reads the local stack's mail catcher over its HTTP API (Mailpit's, which the Supabase CLI's catcher and
// localbase's both speak), on `[inbucket] port` or its environment override, like the other ports of the suite.

const MAIL_PORT = Number(process.env.SUPABASE_INBUCKET_PORT ?? 54324);
const MAIL_API = `http://127.0.0.1:${MAIL_PORT}/api/v1`;

type Summary = { ID: string; To: Array<{ Address: string }>; Subject: string; Created: string };
export type Mail = { id: string; subject: string; html: string; text: string };

async function json<T>(path: string): Promise<T> {
  const response = await fetch(`${MAIL_API}${path}`);
  if (!response.ok) throw new Error(`GET ${MAIL_API}${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** How many mails `to` has had so far; pass it to nextMail so a test never reads an older one. */
export async function mailCount(to: string): Promise<number> {
  const { messages } = await json<{ messages: Summary[] }>('/messages?limit=500');
  return messages.filter((message) => message.To.some((recipient) => recipient.Address.toLowerCase() === to.toLowerCase())).length;
}

/** Waits for mail number `seen + 1` to `to` (newest first in the list) and reads it whole. */
export async function nextMail(to: string, seen: number, timeout = 15_000): Promise<Mail> {
  let found: Summary | undefined;
  await expect
    .poll(
      async () => {
        const { messages } = await json<{ messages: Summary[] }>('/messages?limit=500');
        const mine = messages.filter((message) => message.To.some((recipient) => recipient.Address.toLowerCase() === to.toLowerCase()));
        found = mine.length > seen ? mine[0] : undefined;
        return mine.length;
      },
      { message: `mail #${seen + 1} to ${to}`, timeout },
    )
    .toBeGreaterThan(seen);
  const message = await json<{ ID: string; Subject: string; HTML: string; Text: string }>(`/message/${found!.ID}`);
  return { id: message.ID, subject: message.Subject, html: message.HTML, text: message.Text };
}

/** The app link in a mail: the href that opens /auth/confirm (entities decoded, as a browser would). */
export function confirmLink(mail: Mail): URL {
  const hrefs = [...mail.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
  const link = hrefs.find((href) => href.includes('/auth/confirm'));
  expect(link, `a /auth/confirm link in "${mail.subject}"`).toBeTruthy();
  return new URL(link!);
}

/** The one-time code in a sign-in mail. */
export function oneTimeCode(mail: Mail): string {
  const code = /\b(\d{6})\b/.exec(mail.text || mail.html.replace(/<[^>]+>/g, ' '))?.[1];
  expect(code, `a 6-digit code in "${mail.subject}"`).toBeTruthy();
  return code!;
}
