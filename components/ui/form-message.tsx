/** A form-level message (not tied to one field): role=alert so screen readers announce it when it appears. */
export function FormMessage({ message, tone = 'error' }: { message?: string; tone?: 'error' | 'info' }) {
  if (!message) return null;
  const colors = tone === 'error' ? 'border-red-400/40 text-red-200' : 'border-amp-400/40 text-amp-400';
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg border px-3 py-2 text-sm ${colors}`}>
      {message}
    </p>
  );
}
