// @ts-check
const { PHASE_DEVELOPMENT_SERVER } = require('next/constants');
const { buildContentSecurityPolicy } = require('./lib/csp.js');
const { LAN_ADDRESS_VAR, allowedDevOrigins } = require('./lib/lan.js');

/**
 * Next loads .env files before this runs, so a missing or malformed NEXT_PUBLIC_SUPABASE_URL fails here, at
 * `next dev` / `next build` / `next start`, with the variable named, instead of as a blocked socket in the browser.
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
module.exports = (phase) => {
  const contentSecurityPolicy = buildContentSecurityPolicy({
    supabaseUrl: process.env.NEXT_PUBLIC_SUPABASE_URL,
    dev: phase === PHASE_DEVELOPMENT_SERVER,
  });
  return {
    // The LAN e2e spec runs `npm run dev -- --lan` beside the suite's production server; sharing .next, the dev
    // server would overwrite the build the other one serves. tsconfig.json lists .next-lan's types for that case.
    distDir: process.env.ROCK_ON_DIST_DIR || '.next',
    // Set by scripts/dev.mjs in LAN mode only.
    allowedDevOrigins: allowedDevOrigins(process.env[LAN_ADDRESS_VAR]),
    reactStrictMode: true,
    poweredByHeader: false,
    async headers() {
      return [{ source: '/:path*', headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy }] }];
    },
  };
};
