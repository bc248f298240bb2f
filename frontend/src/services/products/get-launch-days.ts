import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import type { Page, Product, ProductOrdering } from '../../types/models'
import { addDays, utcDay } from '../../utils/dates'
import { request, withQuery } from '../api'
import { productKeys } from './keys'

export const LAUNCHES_PER_DAY = 10
/** How many quiet days in a row end the scroll: there is nothing older worth waiting for. */
const MAX_QUIET_DAYS = 14

export interface LaunchDay {
  date: string
  products: Product[]
  /** The link to the rest of that day's launches, when there are more than shown. */
  more: string | null
  /** The day to look at next, or null when the history ends. */
  before: string | null
}

export function getLaunchDay(date: string, ordering: ProductOrdering, signal?: AbortSignal) {
  return request<Page<Product>>(
    withQuery('/products/', { date, ordering, page_size: LAUNCHES_PER_DAY }),
    signal ? { signal } : {},
  )
}

/** The first day, from `date` backwards, that has launches (today is returned even if empty). */
export async function findLaunchDay(
  date: string,
  ordering: ProductOrdering,
  today: string,
  signal?: AbortSignal,
): Promise<LaunchDay> {
  let day = date
  for (let quiet = 0; quiet < MAX_QUIET_DAYS; quiet += 1) {
    const page = await getLaunchDay(day, ordering, signal)
    if (page.results.length > 0 || day === today) {
      return { date: day, products: page.results, more: page.next, before: addDays(day, -1) }
    }
    day = addDays(day, -1)
  }
  return { date: day, products: [], more: null, before: null }
}

export const launchDaysQueryOptions = (ordering: ProductOrdering, today: string = utcDay(new Date())) =>
  infiniteQueryOptions({
    queryKey: productKeys.launchDaysFrom(ordering, today),
    queryFn: ({ pageParam, signal }) => findLaunchDay(pageParam, ordering, today, signal),
    initialPageParam: today,
    getNextPageParam: (last: LaunchDay) => last.before ?? undefined,
  })

export function useLaunchDays(ordering: ProductOrdering) {
  return useInfiniteQuery(launchDaysQueryOptions(ordering))
}
