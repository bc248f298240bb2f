import { memo } from 'react'
import { Link } from 'react-router'
import type { Product, SearchResult } from '../../types/models'
import { productPath } from '../../paths'
import { compactNumber } from '../../utils/format'
import { CategoryBadge } from './category-badge'
import { HighlightSegments, HighlightText } from './highlight-text'
import { CommentIcon } from './icons'
import { ProductCover } from './product-cover'
import { UpvoteButton } from './upvote-button'

interface ProductRowProps {
  product: Product | SearchResult
  rank?: number
  /** The search query: its words are marked in the title, the tagline and the matched snippet. */
  highlight?: string
  eager?: boolean
}

/** One product in a list: the whole row opens the product; the badge and the vote stay clickable. */
export const ProductRow = memo(function ProductRow({ product, rank, highlight = '', eager = false }: ProductRowProps) {
  return (
    <article className="group relative flex items-center gap-3 rounded-3xl px-2 py-3 transition-colors hover:bg-surface sm:gap-4 sm:px-3">
      {rank !== undefined && (
        <span
          className="font-display hidden w-8 shrink-0 text-center text-2xl font-semibold text-muted tabular-nums sm:block"
          aria-label={`Rank ${rank}`}
        >
          {rank}
        </span>
      )}
      <ProductCover product={product} size={72} eager={eager} className="size-16 sm:size-[72px]" />
      <div className="min-w-0 flex-1">
        <h3 className="truncate text-base font-semibold sm:text-lg">
          <Link to={productPath(product)} className="after:absolute after:inset-0 after:rounded-3xl focus-visible:outline-none">
            {'highlight' in product && product.highlight.title.length > 0 ? (
              <HighlightSegments segments={product.highlight.title} />
            ) : (
              <HighlightText text={product.title} query={highlight} />
            )}
          </Link>
        </h3>
        <p className="line-clamp-2 text-sm text-muted sm:line-clamp-1">
          <HighlightText text={product.tagline} query={highlight} />
        </p>
        {'highlight' in product && product.highlight.snippet.some((segment) => segment.match) && (
          <p className="mt-0.5 line-clamp-2 text-xs text-muted">
            <HighlightSegments segments={product.highlight.snippet} />
          </p>
        )}
        <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
          <CategoryBadge category={product.category} />
          <span className="inline-flex items-center gap-1" aria-label={`${product.comment_count} comments`}>
            <CommentIcon size={14} />
            {compactNumber(product.comment_count)}
          </span>
          {product.status === 'draft' && (
            <span className="rounded-full border border-line px-2 py-0.5 font-semibold uppercase tracking-wide">Draft</span>
          )}
        </div>
      </div>
      <div className="relative z-10">
        <UpvoteButton product={product} />
      </div>
    </article>
  )
})
