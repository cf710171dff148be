// Stops localbase when the e2e web server started it for this run, so `npm test` leaves the machine as it found
// it. A stack the developer started by hand (no marker) keeps running.
export default async function globalTeardown(): Promise<void> {
  const { E2E_STARTED_LOCALBASE, localbase } = await import('../scripts/lib/supabase-env.mjs');
  const { existsSync, rmSync } = await import('node:fs');
  if (!existsSync(E2E_STARTED_LOCALBASE)) return;
  rmSync(E2E_STARTED_LOCALBASE);
  const stop = await localbase(['stop']);
  if (stop.code !== 0) console.error(`e2e teardown: \`npx localbase stop\` failed:\n${stop.stderr}`);
}
