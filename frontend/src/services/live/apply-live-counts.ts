import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { ProductOrdering } from '../../types/models'
import { patchEntity } from '../../utils/patch-entity'
import { getLaunchDay, type LaunchDay } from '../products/get-launch-days'
import { productKeys } from '../products/keys'
import { searchKeys } from '../search/keys'
import type { LiveCounts } from './live-connection'

/**
 * Writes a product's new public counts into every cached copy of it (its page, the lists, the
 * launch days, the search results). The reader's own `has_upvoted` is not in an event and
 * stays as it was.
 */
export function applyLiveCounts(queryClient: QueryClient, counts: LiveCounts): void {
  const patch = { upvote_count: counts.upvote_count, comment_count: counts.comment_count }
  for (const queryKey of [productKeys.all, searchKeys.all]) {
    queryClient.setQueriesData({ queryKey }, (data: unknown) => patchEntity(data, 'upvote_count', counts.id, patch))
  }
}

type LaunchDays = InfiniteData<LaunchDay, string>

function withToday(queryClient: QueryClient, ordering: ProductOrdering, today: string, change: (day: LaunchDay) => LaunchDay) {
  queryClient.setQueryData<LaunchDays>(productKeys.launchDaysFrom(ordering, today), (data) => {
    const [first, ...rest] = data?.pages ?? []
    if (!data || !first || first.date !== today) return data
    const changed = change(first)
    return changed === first ? data : { ...data, pages: [changed, ...rest] }
  })
}

/** Today's leaderboard by votes, as the API orders `top` (most upvoted, then the newest id). */
export function rankTodayByVotes(queryClient: QueryClient, today: string): void {
  withToday(queryClient, 'top', today, (day) => {
    const ranked = [...day.products].sort((a, b) => b.upvote_count - a.upvote_count || b.id - a.id)
    return ranked.every((product, index) => product === day.products[index]) ? day : { ...day, products: ranked }
  })
}

/**
 * Today's first page fetched again, alone: the `hot` order decays votes by age on the server,
 * so the server says it. The earlier days of the scroll are left as they are.
 */
export async function refreshToday(queryClient: QueryClient, ordering: ProductOrdering, today: string): Promise<void> {
  const page = await getLaunchDay(today, ordering)
  withToday(queryClient, ordering, today, (day) => ({ ...day, products: page.results, more: page.next }))
}
