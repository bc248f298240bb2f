import { Link } from 'react-router'
import { useProducts } from '../../../services/products/get-products'
import { flattenPages } from '../../../services/paginate'
import type { Product } from '../../../types/models'
import { productPath } from '../../../paths'
import { compactNumber } from '../../../utils/format'
import { UpvoteIcon } from '../../ui/icons'
import { ProductCover } from '../../ui/product-cover'
import { Skeleton } from '../../ui/skeleton'

export function RelatedProducts({ product }: { product: Product }) {
  const related = useProducts({ category: product.category.slug, ordering: 'top', page_size: 6 })
  const others = flattenPages(related.data)
    .filter((other) => other.id !== product.id)
    .slice(0, 5)
  if (!related.isPending && others.length === 0) return null
  return (
    <section aria-labelledby="related-heading" className="rounded-3xl border border-line bg-surface p-5">
      <h2 id="related-heading" className="font-display text-lg font-semibold">
        More in {product.category.name}
      </h2>
      {related.isPending ? (
        <div className="mt-4 space-y-3" aria-hidden="true">
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} className="h-12" />
          ))}
        </div>
      ) : (
        <ul className="mt-3 space-y-1">
          {others.map((other) => (
            <li key={other.id}>
              <Link to={productPath(other)} className="flex items-center gap-3 rounded-2xl p-2 hover:bg-sunken">
                <ProductCover product={other} size={44} className="size-11 rounded-xl" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-semibold">{other.title}</span>
                  <span className="block truncate text-xs text-muted">{other.tagline}</span>
                </span>
                <span className="flex items-center gap-0.5 text-xs font-semibold text-muted" aria-label={`${other.upvote_count} upvotes`}>
                  <UpvoteIcon size={12} />
                  {compactNumber(other.upvote_count)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
