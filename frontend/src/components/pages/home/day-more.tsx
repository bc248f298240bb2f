import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { toApiPath } from '../../../services/api'
import { productKeys } from '../../../services/products/keys'
import { flattenPages, pagedQueryOptions } from '../../../services/paginate'
import type { Product, ProductOrdering } from '../../../types/models'
import { Button } from '../../ui/button'
import { ProductRow } from '../../ui/product-row'

interface DayMoreProps {
  date: string
  ordering: ProductOrdering
  next: string
  offset: number
  ranked: boolean
}

/** The rest of a busy day's launches, fetched when asked for. */
export function DayMore({ date, ordering, next, offset, ranked }: DayMoreProps) {
  const [open, setOpen] = useState(false)
  const more = useInfiniteQuery({
    ...pagedQueryOptions<Product, ReturnType<typeof productKeys.dayRest>>(productKeys.dayRest(date, ordering, next), toApiPath(next)),
    enabled: open,
  })
  const products = flattenPages(more.data)
  return (
    <>
      {products.length > 0 && (
        <ol className="-mx-2 sm:-mx-3" start={offset + 1}>
          {products.map((product, index) => (
            <li key={product.id}>
              <ProductRow product={product} rank={ranked ? offset + index + 1 : undefined} />
            </li>
          ))}
        </ol>
      )}
      {(!open || more.hasNextPage) && (
        <div className="mt-2 flex justify-center">
          <Button
            variant="ghost"
            size="sm"
            busy={more.isFetching}
            onClick={() => (open ? void more.fetchNextPage() : setOpen(true))}
          >
            More launches of this day
          </Button>
        </div>
      )}
    </>
  )
}
