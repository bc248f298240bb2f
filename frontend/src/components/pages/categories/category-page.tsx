import { useParams, useSearchParams } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { ApiError } from '../../../services/api'
import { useCategory } from '../../../services/categories/get-category'
import { useProducts } from '../../../services/products/get-products'
import { flattenPages } from '../../../services/paginate'
import type { ProductOrdering } from '../../../types/models'
import { plural } from '../../../utils/format'
import { ButtonLink } from '../../ui/button'
import { LoadMore } from '../../ui/load-more'
import { ProductRow } from '../../ui/product-row'
import { Segmented } from '../../ui/segmented'
import { ProductListSkeleton, Skeleton } from '../../ui/skeleton'
import { EmptyState } from '../../ui/states'
import { NotFoundContent } from '../not-found/not-found-page'

export default function CategoryPage() {
  const { slug = '' } = useParams()
  const [params] = useSearchParams()
  const ordering: ProductOrdering = params.get('sort') === 'new' ? 'new' : params.get('sort') === 'top' ? 'top' : 'hot'
  const category = useCategory(slug)
  const products = useProducts({ category: slug, ordering }, { required: true })
  useDocumentTitle(category.data?.name)
  if (category.isError && category.error instanceof ApiError && category.error.status === 404) {
    return <NotFoundContent what="category" />
  }
  const list = flattenPages(products.data)
  return (
    <div>
      <header className="flex flex-wrap items-end justify-between gap-4 border-b border-line pb-6">
        <div className="flex items-center gap-4">
          {category.data ? (
            <span
              className="flex size-16 items-center justify-center rounded-3xl text-3xl"
              style={{ background: `color-mix(in srgb, ${category.data.color || '#c2410c'} 18%, transparent)` }}
              aria-hidden="true"
            >
              {category.data.icon || category.data.name.slice(0, 1)}
            </span>
          ) : (
            <Skeleton className="size-16 rounded-3xl" />
          )}
          <div>
            <h1 className="font-display text-3xl font-semibold sm:text-4xl">{category.data?.name ?? <Skeleton className="h-9 w-48" />}</h1>
            {category.data && (
              <p className="mt-1 text-muted">
                {category.data.description || 'Products launched in this category.'} · {plural(category.data.products_count, 'product')}
              </p>
            )}
          </div>
        </div>
        <Segmented
          label="Order products by"
          value={ordering}
          options={[
            { value: 'hot', label: 'Hot', to: `/categories/${slug}` },
            { value: 'new', label: 'New', to: `/categories/${slug}?sort=new` },
            { value: 'top', label: 'Top', to: `/categories/${slug}?sort=top` },
          ]}
        />
      </header>
      <div className="mt-4">
        {products.isPending ? (
          <ProductListSkeleton rows={6} />
        ) : list.length === 0 ? (
          <EmptyState title="Nothing here yet" action={<ButtonLink to="/submit">Be the first to launch</ButtonLink>}>
            No product has been launched in this category so far.
          </EmptyState>
        ) : (
          <ul className="-mx-2 sm:-mx-3">
            {list.map((product) => (
              <li key={product.id}>
                <ProductRow product={product} />
              </li>
            ))}
          </ul>
        )}
        <LoadMore hasMore={products.hasNextPage} loading={products.isFetchingNextPage} onLoad={() => void products.fetchNextPage()} />
      </div>
    </div>
  )
}
