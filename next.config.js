// @ts-check
const { PHASE_DEVELOPMENT_SERVER } = require('next/constants');
const { buildContentSecurityPolicy } = require('./lib/csp.js');

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
    reactStrictMode: true,
    poweredByHeader: false,
    async headers() {
      return [{ source: '/:path*', headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy }] }];
    },
  };
};
