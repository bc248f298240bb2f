import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { applyLiveCounts, rankTodayByVotes, refreshToday } from '../services/live/apply-live-counts'
import { connectLive, type LiveCounts } from '../services/live/live-connection'
import { productKeys } from '../services/products/keys'
import type { ProductOrdering } from '../types/models'
import { utcDay } from '../utils/dates'
import { useLatest } from './use-latest'

/** How often a page without live updates refetches its counts instead. */
export const POLL_INTERVAL_MS = 30_000
/** The `hot` leaderboard is fetched again at most this often while votes stream in. */
const HOT_REFRESH_MS = 1000

/**
 * The stream of `/api/live/<path>` while this component is shown. Returns the `refetchInterval`
 * its queries should use: false while live updates work, POLL_INTERVAL_MS once they do not.
 */
function useLiveStream(path: string, onCounts: (counts: LiveCounts) => void, onResync: () => void): number | false {
  const [polling, setPolling] = useState(false)
  const handlers = useLatest({ onCounts, onResync })
  useEffect(
    () =>
      connectLive(path, {
        onCounts: (counts) => handlers.current.onCounts(counts),
        onResync: () => handlers.current.onResync(),
        onFallback: () => setPolling(true),
      }),
    [path, handlers],
  )
  return polling ? POLL_INTERVAL_MS : false
}

/**
 * Today's leaderboard as votes come in: counts are written into every cached copy at once;
 * `top` is re-ranked here, `hot` (votes decayed by age, the server's to compute) is fetched
 * again, once per HOT_REFRESH_MS at most.
 */
export function useLiveLeaderboard(ordering: ProductOrdering): number | false {
  const queryClient = useQueryClient()
  const refreshing = useRef({ busy: false, again: false })

  const refreshHot = () => {
    const state = refreshing.current
    if (state.busy) {
      state.again = true
      return
    }
    state.busy = true
    refreshToday(queryClient, 'hot', utcDay(new Date()))
      .catch(() => undefined) // the next event or poll tries again
      .finally(() =>
        setTimeout(() => {
          state.busy = false
          if (state.again) {
            state.again = false
            refreshHot()
          }
        }, HOT_REFRESH_MS),
      )
  }

  return useLiveStream(
    '/live/leaderboard/',
    (counts) => {
      applyLiveCounts(queryClient, counts)
      if (ordering === 'top') rankTodayByVotes(queryClient, utcDay(new Date()))
      else if (ordering === 'hot') refreshHot()
    },
    () => void queryClient.invalidateQueries({ queryKey: productKeys.launchDays() }),
  )
}

/** One product's counts as votes come in, on its page. */
export function useLiveProduct(id: number): number | false {
  const queryClient = useQueryClient()
  return useLiveStream(
    `/live/products/${id}/`,
    (counts) => applyLiveCounts(queryClient, counts),
    () => void queryClient.invalidateQueries({ queryKey: productKeys.detail(id) }),
  )
}
