import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, type ReactNode } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { setSessionExpiredHandler } from '../services/api'
import { useLatest } from './use-latest'
import { useMe } from '../services/auth/me'
import { endSession } from '../services/auth/session'
import type { Me } from '../types/models'

export type SessionStatus = 'loading' | 'authenticated' | 'anonymous'

export interface SessionValue {
  status: SessionStatus
  user: Me | null
  /** Sends an anonymous visitor to the login page (and back here afterwards); true when signed in. */
  requireUser: () => boolean
}

/** What the login page is told when it was opened because the session ran out. */
export interface LoginState {
  sessionExpired?: boolean
}

export function loginPath(location: { pathname: string; search: string }): string {
  const here = `${location.pathname}${location.search}`
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`
}

/**
 * The session, derived from the `authKeys.me()` query: signed in when it holds a person.
 * A query that failed (the server was unreachable at page load) counts as signed out.
 */
export function useSession(): SessionValue {
  const me = useMe()
  const navigate = useNavigate()
  const location = useLocation()
  const user = me.data ?? null
  const status: SessionStatus = me.isPending ? 'loading' : user ? 'authenticated' : 'anonymous'

  const requireUser = useCallback(() => {
    if (user) return true
    void navigate(loginPath(location))
    return false
  }, [user, navigate, location])

  return { status, user, requireUser }
}

/**
 * Mounted once around the app: when a refresh is refused (the session ran out or was revoked),
 * forgets the person and sends them to log in, with a word of why, and back here afterwards.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const here = useLatest(useLocation())

  useEffect(() => {
    setSessionExpiredHandler(() => {
      // Forgotten first: the login page must not see the old person (it would send them back).
      endSession(queryClient)
      const state: LoginState = { sessionExpired: true }
      void navigate(loginPath(here.current), { state })
    })
    return () => setSessionExpiredHandler(null)
  }, [queryClient, navigate, here])

  return children
}
