import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { loginPath, useSession } from '../../hooks/use-session'
import { Skeleton } from './skeleton'

/** Renders its children for a signed-in person; sends anybody else to log in and back. */
export function RequireUser({ children }: { children: ReactNode }) {
  const { status } = useSession()
  const location = useLocation()
  if (status === 'loading') return <Skeleton className="mx-auto h-80 max-w-md rounded-[2rem]" />
  if (status === 'anonymous') return <Navigate to={loginPath(location)} replace />
  return children
}
