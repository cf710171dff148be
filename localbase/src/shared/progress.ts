/** One line per step with its duration, the way `supabase start` reports progress. */
export interface Step {
  name: string;
  ms: number;
}

export function formatStep(step: Step): string {
  return `${step.name} (${formatMs(step.ms)})`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export async function timed<T>(name: string, report: (step: Step) => void, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  report({ name, ms: performance.now() - started });
  return result;
}
