import { useUpvote } from '../../services/products/upvote-product'
import { useSession } from '../../hooks/use-session'
import type { Product } from '../../types/models'
import { cn, compactNumber } from '../../utils/format'
import { UpvoteIcon } from './icons'

interface UpvoteButtonProps {
  product: Pick<Product, 'id' | 'title' | 'upvote_count' | 'has_upvoted'>
  size?: 'md' | 'lg'
}

export function UpvoteButton({ product, size = 'md' }: UpvoteButtonProps) {
  const { requireUser } = useSession()
  const upvote = useUpvote()
  const upvoted = product.has_upvoted
  const toggle = () => {
    if (!requireUser()) return
    upvote.mutate({ id: product.id, upvoted: !upvoted, count: product.upvote_count })
  }
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={upvoted}
      className={cn(
        'group flex shrink-0 flex-col items-center justify-center rounded-2xl border-2 font-semibold transition-all active:scale-95',
        size === 'lg' ? 'h-16 min-w-28 flex-row gap-2 px-5 text-lg' : 'h-16 w-14 text-sm',
        upvoted
          ? 'border-accent bg-accent text-on-accent'
          : 'border-line bg-surface text-ink hover:border-accent hover:text-accent',
      )}
    >
      <UpvoteIcon size={size === 'lg' ? 22 : 18} className="transition-transform group-hover:-translate-y-0.5" />
      <span className="sr-only">{upvoted ? 'Remove your upvote from' : 'Upvote'} {product.title}, </span>
      <span className="tabular-nums">{compactNumber(product.upvote_count)}</span>
      <span className="sr-only"> upvotes</span>
    </button>
  )
}
