import { randomBytes, randomUUID } from 'node:crypto';
import { htmlToText } from './html-text.ts';

/** Mailpit's address shape (`net/mail.Address` in JSON). */
export interface MailAddress {
  Name: string;
  Address: string;
}

export interface StoredMessage {
  ID: string;
  MessageID: string;
  Read: boolean;
  From: MailAddress;
  To: MailAddress[];
  Subject: string;
  Created: Date;
  Text: string;
  HTML: string;
  Size: number;
}

export interface OutgoingMail {
  from: MailAddress;
  to: string;
  subject: string;
  html: string;
}

/** Mailpit's default `--max 500`: older messages are pruned first. */
const MAX_MESSAGES = 500;

/**
 * The messages the mail catcher holds. They live in the daemon's memory, next to the Auth service that sends them:
 * local mail is throwaway (the CLI's Mailpit container loses it on `supabase stop` too), nothing else reads it, and
 * no SMTP hop or file is needed.
 */
export class Mailbox {
  private readonly messages: StoredMessage[] = [];

  deliver(mail: OutgoingMail, now = new Date()): StoredMessage {
    const message: StoredMessage = {
      ID: randomUUID(),
      MessageID: `${randomBytes(12).toString('hex')}@localbase`,
      Read: false,
      From: mail.from,
      To: [{ Name: '', Address: mail.to }],
      Subject: mail.subject,
      Created: now,
      Text: htmlToText(mail.html),
      HTML: mail.html,
      Size: Buffer.byteLength(mail.html) + Buffer.byteLength(mail.subject),
    };
    this.messages.unshift(message);
    this.messages.length = Math.min(this.messages.length, MAX_MESSAGES);
    return message;
  }

  /** Newest first, as Mailpit lists them. */
  list(): StoredMessage[] {
    return [...this.messages];
  }

  /** `latest` is Mailpit's alias for the newest message. */
  get(id: string): StoredMessage | undefined {
    return id === 'latest' ? this.messages[0] : this.messages.find((message) => message.ID === id);
  }

  markRead(message: StoredMessage): void {
    message.Read = true;
  }

  /** No ids: everything, as Mailpit's DELETE /api/v1/messages with an empty body. */
  delete(ids?: string[]): void {
    if (!ids || ids.length === 0) {
      this.messages.length = 0;
      return;
    }
    const doomed = new Set(ids);
    for (let i = this.messages.length - 1; i >= 0; i--) if (doomed.has(this.messages[i]!.ID)) this.messages.splice(i, 1);
  }

  /**
   * A subset of Mailpit's search syntax: `to:`, `from:` and `subject:` filters and plain words, all of which must
   * match (case-insensitive, substring); a quoted value may contain spaces.
   */
  search(query: string): StoredMessage[] {
    const terms = [...query.matchAll(/(?:(to|from|subject):)?(?:"([^"]*)"|(\S+))/gi)].map((m) => ({
      field: m[1]?.toLowerCase(),
      value: (m[2] ?? m[3] ?? '').toLowerCase(),
    }));
    return this.messages.filter((message) =>
      terms.every(({ field, value }) => {
        const to = message.To.map((a) => `${a.Name} ${a.Address}`).join(' ').toLowerCase();
        const from = `${message.From.Name} ${message.From.Address}`.toLowerCase();
        if (field === 'to') return to.includes(value);
        if (field === 'from') return from.includes(value);
        if (field === 'subject') return message.Subject.toLowerCase().includes(value);
        return [to, from, message.Subject.toLowerCase(), message.Text.toLowerCase()].some((text) => text.includes(value));
      }),
    );
  }
}

/** Mailpit's list snippet: the text part, whitespace collapsed, up to 250 characters. */
export function snippet(message: StoredMessage): string {
  const flat = message.Text.replace(/\s+/g, ' ').trim();
  return flat.length > 250 ? `${flat.slice(0, 250)}...` : flat;
}
