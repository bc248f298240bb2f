/**
 * The session as React Query sees it: the `authKeys.me()` query holds the signed-in person
 * (or `null`), and these helpers are the only writers of it besides the query itself.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { Me } from '../../types/models'
import { setAccessToken } from '../api'
import { authKeys } from './keys'

/**
 * Not a token: only a hint that a refresh cookie may exist, so that anonymous visitors do not
 * pay a refresh round trip before their first page.
 */
const SIGNED_IN_HINT = 'vitrin:signed-in'

export function readSignedInHint(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_IN_HINT) === '1'
  } catch {
    return false
  }
}

export function writeSignedInHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SIGNED_IN_HINT, '1')
    else window.localStorage.removeItem(SIGNED_IN_HINT)
  } catch {
    // Storage can be disabled; the session then simply is not restored on the next visit.
  }
}

const isSessionQuery = (queryKey: readonly unknown[]) => queryKey[0] === authKeys.all[0]

/** After a login, a registration or Google: the person is signed in, without a reload. */
export function startSession(queryClient: QueryClient, user: Me): void {
  writeSignedInHint(true)
  const previous = queryClient.getQueryData<Me | null>(authKeys.me())
  queryClient.setQueryData<Me | null>(authKeys.me(), user)
  // Somebody else than before: what was fetched for the previous visitor (their upvotes and
  // follows, or none) is stale.
  if (previous?.id !== user.id) {
    void queryClient.invalidateQueries({ predicate: (query) => !isSessionQuery(query.queryKey) })
  }
}

/** Logged out or expired: nothing of that person stays in memory. */
export function endSession(queryClient: QueryClient): void {
  setAccessToken(null)
  writeSignedInHint(false)
  queryClient.setQueryData<Me | null>(authKeys.me(), null)
  queryClient.removeQueries({ predicate: (query) => !isSessionQuery(query.queryKey) })
}
