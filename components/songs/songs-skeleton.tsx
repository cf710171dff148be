export function SongsSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading songs" className="flex flex-col gap-3">
      {[0, 1, 2].map((row) => (
        <div key={row} className="h-16 animate-pulse rounded-xl bg-stage-900" />
      ))}
    </div>
  );
}
