import { useEffect, useState } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'

export interface EmailedLink {
  uid: string
  token: string
}

/** `uid` and `token` of a link Vitrin e-mailed: `#uid=…&token=…` (the fragment never reaches a server or its logs), else the older `?uid=…&token=…` or `/<uid>/<token>`. */
export function readEmailedLink(location: { hash: string; search: string }, params: Readonly<Record<string, string | undefined>>): EmailedLink {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''))
  const query = new URLSearchParams(location.search)
  return {
    uid: fragment.get('uid') ?? params.uid ?? query.get('uid') ?? '',
    token: fragment.get('token') ?? params.token ?? query.get('token') ?? '',
  }
}

/**
 * The emailed link this page was opened with, read once. The token is then taken out of the
 * address bar, so it is neither kept in the browser's history nor shown over the person's shoulder.
 */
export function useEmailedLink(): EmailedLink {
  const location = useLocation()
  const params = useParams()
  const navigate = useNavigate()
  const [link] = useState(() => readEmailedLink(location, params))
  const hasSecret = location.hash !== '' || location.search !== ''
  useEffect(() => {
    if (hasSecret) void navigate({ pathname: location.pathname, search: '', hash: '' }, { replace: true })
  }, [hasSecret, navigate, location.pathname])
  return link
}
