import { useHasScrolled } from '../../hooks/use-has-scrolled'
import { useInView } from '../../hooks/use-in-view'
import { Button } from './button'

interface LoadMoreProps {
  hasMore: boolean
  loading: boolean
  onLoad: () => void
  label?: string
}

/** Loads the next page when scrolled into view; the button is there for keyboards and slow scrolls. */
export function LoadMore({ hasMore, loading, onLoad, label = 'Load more' }: LoadMoreProps) {
  const scrolled = useHasScrolled()
  const ref = useInView<HTMLDivElement>(() => {
    if (!loading) onLoad()
  }, hasMore && scrolled)
  if (!hasMore) return null
  return (
    <div ref={ref} className="flex justify-center py-6">
      <Button variant="secondary" busy={loading} onClick={onLoad}>
        {loading ? 'Loading…' : label}
      </Button>
    </div>
  )
}
