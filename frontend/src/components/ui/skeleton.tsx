import { cn } from '../../utils/format'

export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={cn('skeleton block rounded-md', className)} />
}

/** A placeholder with the exact size of a product row, so nothing moves when data arrives. */
export function ProductRowSkeleton() {
  return (
    <div className="flex items-center gap-4 px-2 py-4" aria-hidden="true">
      <Skeleton className="size-16 shrink-0 rounded-2xl sm:size-20" />
      <div className="flex-1 space-y-2">
        <Skeleton className="h-5 w-2/5" />
        <Skeleton className="h-4 w-4/5" />
        <Skeleton className="h-3 w-1/4" />
      </div>
      <Skeleton className="h-16 w-14 shrink-0 rounded-2xl" />
    </div>
  )
}

export function ProductListSkeleton({ rows = 5, label = 'Loading products' }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, index) => (
        <ProductRowSkeleton key={index} />
      ))}
    </div>
  )
}
