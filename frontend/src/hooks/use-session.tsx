import { useQueryClient } from '@tanstack/react-query'
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { getMe } from '../services/auth/me'
import { logout } from '../services/auth/logout'
import { restoreAccessToken, setAccessToken, setSessionExpiredHandler } from '../services/api'
import type { Me } from '../types/models'

export type SessionStatus = 'loading' | 'authenticated' | 'anonymous'

export interface SessionValue {
  status: SessionStatus
  user: Me | null
  /** Called with the user of a successful login, registration or profile update. */
  signedIn: (user: Me) => void
  signOut: () => Promise<void>
  /** Sends an anonymous visitor to the login page (and back here afterwards); true when signed in. */
  requireUser: () => boolean
}

const SessionContext = createContext<SessionValue | null>(null)

/**
 * Not a token: only a hint that a refresh cookie may exist, so that anonymous visitors do not
 * pay a refresh round trip before their first page.
 */
const SIGNED_IN_HINT = 'vitrin:signed-in'

export function readHint(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_IN_HINT) === '1'
  } catch {
    return false
  }
}

function writeHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SIGNED_IN_HINT, '1')
    else window.localStorage.removeItem(SIGNED_IN_HINT)
  } catch {
    // Storage can be disabled; the session then simply is not restored on the next visit.
  }
}

export function loginPath(location: { pathname: string; search: string }): string {
  const here = `${location.pathname}${location.search}`
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  const [user, setUser] = useState<Me | null>(null)
  // Read once: a previous visit left a hint that a session may be restored from the refresh cookie.
  const [restore] = useState(readHint)
  const [status, setStatus] = useState<SessionStatus>(restore ? 'loading' : 'anonymous')

  useEffect(() => {
    if (!restore) return
    let cancelled = false
    void (async () => {
      const token = await restoreAccessToken()
      const me = token ? await getMe().catch(() => null) : null
      if (cancelled) return
      writeHint(me !== null)
      setUser(me)
      setStatus(me ? 'authenticated' : 'anonymous')
    })()
    return () => {
      cancelled = true
    }
  }, [restore])

  const signedIn = useCallback(
    (me: Me) => {
      writeHint(true)
      setUser((previous) => {
        // A new person (not a profile update): what was fetched for the previous one is stale.
        if (previous?.id !== me.id) void queryClient.invalidateQueries()
        return me
      })
      setStatus('authenticated')
    },
    [queryClient],
  )

  const forget = useCallback(() => {
    setAccessToken(null)
    writeHint(false)
    setUser(null)
    setStatus('anonymous')
    queryClient.clear()
  }, [queryClient])

  const signOut = useCallback(async () => {
    try {
      await logout()
    } finally {
      forget()
    }
  }, [forget])

  const requireUser = useCallback(() => {
    if (status === 'authenticated') return true
    void navigate(loginPath(location))
    return false
  }, [status, navigate, location])

  useEffect(() => {
    setSessionExpiredHandler(() => {
      forget()
      void navigate(loginPath(window.location))
    })
    return () => setSessionExpiredHandler(null)
  }, [forget, navigate])

  const value = useMemo(
    () => ({ status, user, signedIn, signOut, requireUser }),
    [status, user, signedIn, signOut, requireUser],
  )
  return <SessionContext value={value}>{children}</SessionContext>
}

export function useSession(): SessionValue {
  const value = use(SessionContext)
  if (!value) throw new Error('useSession must be used inside <SessionProvider>')
  return value
}
