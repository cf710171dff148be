// @ts-check
// LAN mode (`npm run dev -- --lan`): which address other devices use to reach this machine, and the Next settings
// that follow from it. CommonJS because next.config.js requires it; pure, so lib/lan.test.ts pins it.
const { isIP } = require('node:net');

/** Overrides the automatic choice, like `--lan=<ip>`; scripts/dev.mjs also hands the chosen address to Next in it. */
const LAN_ADDRESS_VAR = 'ROCK_ON_LAN_ADDRESS';

/**
 * The first non-internal IPv4 address, the one a phone on the same Wi-Fi can reach. Link-local 169.254.x.x is
 * skipped: it only exists when DHCP failed, and nothing else on the network answers there.
 * @param {NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>} interfaces  os.networkInterfaces()
 * @returns {string | undefined}
 */
function lanAddress(interfaces) {
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal && !entry.address.startsWith('169.254.')) return entry.address;
    }
  }
  return undefined;
}

/**
 * Splits `--lan` / `--lan=<ip>` off the arguments meant for `next dev`.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {{ lan: boolean, address: string | undefined, nextArgs: string[] }}
 *   address: the one asked for (flag, else ROCK_ON_LAN_ADDRESS), undefined to choose with lanAddress()
 */
function parseLanArgs(argv, env) {
  let lan = false;
  let address;
  const nextArgs = [];
  for (const arg of argv) {
    if (arg === '--lan') lan = true;
    else if (arg.startsWith('--lan=')) {
      lan = true;
      address = arg.slice('--lan='.length);
    } else nextArgs.push(arg);
  }
  address = address || (lan ? env[LAN_ADDRESS_VAR] : undefined) || undefined;
  if (address !== undefined && !isIP(address)) {
    throw new Error(`--lan=${address}: not an IP address. Use one that \`hostname -I\` lists, e.g. --lan=192.168.1.20.`);
  }
  return { lan, address, nextArgs };
}

/**
 * Next's dev server refuses its own /_next/* resources (scripts, HMR socket) to pages from other hosts once
 * allowedDevOrigins is set, and only warns when it is unset; in LAN mode the page's host is the LAN address.
 * @param {string | undefined} address
 * @returns {string[] | undefined}
 */
function allowedDevOrigins(address) {
  return address ? [address] : undefined;
}

/**
 * True for URLs only this machine can open: a phone resolves 127.0.0.1 or localhost to itself.
 * @param {string} url
 */
function isLoopbackUrl(url) {
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname.startsWith('127.') || hostname === '[::1]';
}

module.exports = { LAN_ADDRESS_VAR, allowedDevOrigins, isLoopbackUrl, lanAddress, parseLanArgs };
