import { useEffect, useEffectEvent, useId, useRef, useState } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router'
import { useDebouncedValue } from '../../hooks/use-debounced-value'
import { MAX_QUERY_LENGTH } from '../../services/search/search-products'
import { cn } from '../../utils/format'
import { SearchIcon } from './icons'

/**
 * The header's instant search. Typing updates `/search?q=…` after a short pause (replacing the
 * history entry while you type, so Back leaves the search instead of undoing letters).
 */
export function SearchBox({ className }: { className?: string }) {
  const id = useId()
  const navigate = useNavigate()
  const location = useLocation()
  const [params] = useSearchParams()
  const onSearchPage = location.pathname === '/search'
  const urlQuery = onSearchPage ? (params.get('q') ?? '') : ''
  const [text, setText] = useState(urlQuery)
  const debounced = useDebouncedValue(text, 250)
  const lastPushed = useRef(urlQuery)

  // The URL is the source of truth when it changes from elsewhere (Back, a link, a filter).
  useEffect(() => {
    if (urlQuery !== lastPushed.current) {
      lastPushed.current = urlQuery
      setText(urlQuery)
    }
  }, [urlQuery])

  // Only the typed text drives this; the URL parts are read at the moment it changes.
  const pushToUrl = useEffectEvent((typed: string) => {
    const query = typed.trim()
    if (query === lastPushed.current.trim()) return
    if (!query && !onSearchPage) return
    lastPushed.current = query
    const next = new URLSearchParams(onSearchPage ? params : undefined)
    if (query) next.set('q', query)
    else next.delete('q')
    void navigate(`/search?${next.toString()}`, { replace: onSearchPage })
  })
  useEffect(() => pushToUrl(debounced), [debounced])

  return (
    <form
      role="search"
      className={cn('relative', className)}
      onSubmit={(event) => {
        event.preventDefault()
        const query = text.trim()
        if (!query) return
        lastPushed.current = query
        const next = new URLSearchParams(onSearchPage ? params : undefined)
        next.set('q', query)
        void navigate(`/search?${next.toString()}`, { replace: onSearchPage })
      }}
    >
      <label htmlFor={id} className="sr-only">
        Search products
      </label>
      <SearchIcon size={18} className="pointer-events-none absolute top-1/2 left-3.5 -translate-y-1/2 text-muted" />
      <input
        id={id}
        type="search"
        value={text}
        maxLength={MAX_QUERY_LENGTH}
        onChange={(event) => setText(event.target.value)}
        placeholder="Search products, tags, makers…"
        autoComplete="off"
        className="h-11 w-full rounded-full border border-line bg-surface pr-4 pl-10 text-sm text-ink placeholder:text-muted focus:border-accent focus:outline-none"
      />
    </form>
  )
}
