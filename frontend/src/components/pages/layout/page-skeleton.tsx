import { ProductListSkeleton, Skeleton } from '../../ui/skeleton'

export function PageSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading the page">
      <Skeleton className="h-10 w-1/2 rounded-xl" />
      <Skeleton className="h-5 w-2/3" />
      <ProductListSkeleton rows={4} />
    </div>
  )
}
