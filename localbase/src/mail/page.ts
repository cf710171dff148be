import { snippet, type StoredMessage } from './mailbox.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#111;background:#fafafa}
header{background:#1f2937;color:#fff;padding:12px 16px}header a{color:#fff}main{max-width:960px;margin:0 auto;padding:16px}
*{box-sizing:border-box}table{width:100%;table-layout:fixed;border-collapse:collapse;background:#fff}td,dd,pre,h1{overflow-wrap:anywhere}th,td{text-align:left;padding:8px;border-bottom:1px solid #ddd;vertical-align:top}
td a{display:block;min-height:24px}.muted{color:#555;font-size:13px}iframe{width:100%;min-height:420px;border:1px solid #ddd;background:#fff}
pre{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:12px}button{min-height:44px;padding:0 16px}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><header><a href="/">localbase mail</a> — mail sent by Auth, caught locally</header>
<main>${body}</main></body></html>`;
}

/** The list at `/`: newest first, each row links to `/view/<ID>`. */
export function listPage(messages: StoredMessage[]): string {
  const rows = messages
    .map(
      (m) => `<tr><td>${escape(m.To.map((a) => a.Address).join(', '))}</td>
<td><a href="/view/${encodeURIComponent(m.ID)}">${escape(m.Subject || '(no subject)')}</a><div class="muted">${escape(snippet(m))}</div></td>
<td class="muted"><time datetime="${m.Created.toISOString()}">${escape(m.Created.toISOString().replace('T', ' ').slice(0, 19))} UTC</time></td></tr>`,
    )
    .join('\n');
  const table = messages.length
    ? `<table><caption class="muted">${messages.length} message(s), newest first</caption><thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Received</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No mail yet. Password resets, magic links and confirmation mails sent by Auth appear here.</p>';
  return layout('Inbox — localbase mail', `<h1>Inbox</h1>${table}
<form method="post" action="/delete-all"><p><button type="submit">Delete all</button></p></form>`);
}

/**
 * One message: its headers, the HTML in a sandboxed frame (no scripts) whose links open in the whole tab, so a sign-in
 * link lands in the app with its cookies, and the text part.
 */
export function messagePage(m: StoredMessage): string {
  return layout(
    `${m.Subject} — localbase mail`,
    `<p><a href="/">← Inbox</a></p><h1>${escape(m.Subject)}</h1>
<dl><dt>From</dt><dd>${escape(`${m.From.Name} <${m.From.Address}>`)}</dd><dt>To</dt><dd>${escape(m.To.map((a) => a.Address).join(', '))}</dd>
<dt>Received</dt><dd>${escape(m.Created.toISOString())}</dd></dl>
<h2>HTML</h2><iframe title="HTML body" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcdoc="${escape(`<base target="_top">${m.HTML}`)}"></iframe>
<h2>Text</h2><pre>${escape(m.Text)}</pre>`,
  );
}
