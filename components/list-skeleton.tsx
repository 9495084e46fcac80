/** The placeholder a list page shows while its data loads. */
export function ListSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="animate-pulse space-y-4">
      <div className="h-8 w-48 rounded bg-ink-200" />
      <div className="h-4 w-72 rounded bg-ink-200" />
      <div className="mt-6 space-y-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-14 rounded-lg bg-white ring-1 ring-ink-200" />
        ))}
      </div>
    </div>
  );
}
