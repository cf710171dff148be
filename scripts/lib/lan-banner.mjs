// @ts-check
// What `npm run dev -- --lan` prints before Next starts: the URL to open on the phone, as text and as a QR code,
// and why the stack should not stay open to the network longer than needed.
import QRCode from 'qrcode';

/**
 * @param {{ appUrl: string, supabaseUrl: string, localbase: boolean }} options
 *   localbase: the API is this machine's localbase, whose keys and JWT secret are the Supabase CLI's published defaults
 * @returns {Promise<string>}
 */
export async function lanBanner({ appUrl, supabaseUrl, localbase }) {
  const qr = await QRCode.toString(appUrl, { type: 'terminal', small: true });
  const exposed = localbase
    ? [
        `  The Supabase API (${supabaseUrl}) now accepts connections from the network, and its keys and JWT secret`,
        '  are the well-known local development defaults: anyone on this network can sign up, read and change the',
        '  data, or mint tokens for any user. PostgreSQL itself stays on 127.0.0.1.',
      ]
    : [`  Supabase: ${supabaseUrl}`];
  return [
    '',
    'LAN mode: open this on a phone or tablet on the same network',
    '',
    `  ${appUrl}`,
    '',
    qr,
    'WARNING: the dev server is reachable from this network.',
    ...exposed,
    '  Use LAN mode only on a network you trust and stop it (Ctrl+C, then `npx localbase stop`) when done;',
    '  plain `npm run dev` keeps the stack on loopback.',
    '',
  ].join('\n');
}
