import type { QueryClient } from '@tanstack/react-query'
import { productIdOfPath } from '../paths'
import { launchDaysQueryOptions } from './products/get-launch-days'
import { productQueryOptions } from './products/get-product'

/**
 * Starts the first page's data request while the app boots, instead of after its code has
 * loaded and rendered: for a product page, the product is on its way while the page's own
 * chunk downloads.
 */
export function prefetchFirstPage(queryClient: QueryClient, location: { pathname: string; search: string }): void {
  if (location.pathname === '/') {
    const sort = new URLSearchParams(location.search).get('sort')
    void queryClient.prefetchInfiniteQuery(launchDaysQueryOptions(sort === 'new' || sort === 'top' ? sort : 'hot'))
    return
  }
  const productId = productIdOfPath(location.pathname)
  if (productId !== null) void queryClient.prefetchQuery(productQueryOptions(productId))
}
