import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import type { LaunchDays, Page, Product, ProductOrdering } from '../../types/models'
import { utcDay } from '../../utils/dates'
import { request, withQuery } from '../api'
import { productKeys } from './keys'

export const LAUNCHES_PER_DAY = 10

export interface LaunchDay {
  date: string
  products: Product[]
  /** The link to the rest of that day's launches, when there are more than shown. */
  more: string | null
  /** The day to look at next, or null when the history ends. */
  before: string | null
}

/** One day's first launches by the list endpoint (the live updates refresh today with it). */
export function getLaunchDay(date: string, ordering: ProductOrdering, signal?: AbortSignal) {
  return request<Page<Product>>(
    withQuery('/products/', { date, ordering, page_size: LAUNCHES_PER_DAY }),
    signal ? { signal } : {},
  )
}

/**
 * The first day, from `date` backwards, that has launches (today is returned even if empty):
 * one request, the server skipping the quiet days in between.
 */
export async function findLaunchDay(date: string, ordering: ProductOrdering, signal?: AbortSignal): Promise<LaunchDay> {
  const answer = await request<LaunchDays>(
    withQuery('/products/launch-days/', { date, ordering, days: 1, page_size: LAUNCHES_PER_DAY }),
    signal ? { signal } : {},
  )
  const day = answer.days[0]
  if (!day) return { date, products: [], more: null, before: null }
  return { date: day.date, products: day.results, more: day.next, before: answer.before }
}

export const launchDaysQueryOptions = (ordering: ProductOrdering, today: string = utcDay(new Date())) =>
  infiniteQueryOptions({
    queryKey: productKeys.launchDaysFrom(ordering, today),
    queryFn: ({ pageParam, signal }) => findLaunchDay(pageParam, ordering, signal),
    initialPageParam: today,
    getNextPageParam: (last: LaunchDay) => last.before ?? undefined,
  })

/** `refetchInterval`: how often to fetch again (when live updates are unavailable), or false. */
export function useLaunchDays(ordering: ProductOrdering, { refetchInterval = false }: { refetchInterval?: number | false } = {}) {
  return useInfiniteQuery({ ...launchDaysQueryOptions(ordering), refetchInterval })
}
