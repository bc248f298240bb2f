import { Link, useSearchParams } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useOwnProducts } from '../../../services/products/get-own-products'
import { flattenPages } from '../../../services/paginate'
import type { Product, ProductStatus } from '../../../types/models'
import { formatDate, timeAgo } from '../../../utils/dates'
import { productEditPath, productPath } from '../../../paths'
import { cn, plural } from '../../../utils/format'
import { ButtonLink } from '../../ui/button'
import { LoadMore } from '../../ui/load-more'
import { ProductCover } from '../../ui/product-cover'
import { RequireUser } from '../../ui/require-user'
import { Segmented } from '../../ui/segmented'
import { Skeleton } from '../../ui/skeleton'
import { EmptyState } from '../../ui/states'

type Filter = ProductStatus | 'all'

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'published', label: 'Published' },
  { value: 'archived', label: 'Archived' },
]

const STATUS_LABELS: Record<ProductStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' }

const STATUS_BADGES: Record<ProductStatus, string> = {
  draft: 'border-brass/40 bg-brass-soft text-brass',
  published: 'border-accent/40 bg-accent-soft text-accent',
  archived: 'border-line bg-sunken text-muted',
}

function filterOf(value: string | null): Filter {
  return FILTERS.find((filter) => filter.value === value)?.value ?? 'all'
}

/** `/me/products`: every product of the signed-in maker, drafts included, by status. */
export default function OwnProductsPage() {
  useDocumentTitle('Your products')
  return (
    <RequireUser>
      <OwnProducts />
    </RequireUser>
  )
}

function OwnProducts() {
  const [params] = useSearchParams()
  const filter = filterOf(params.get('status'))
  return (
    <div className="mx-auto max-w-3xl">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-semibold tracking-widest text-brass uppercase">Your launches</p>
          <h1 className="font-display mt-1 text-3xl font-semibold sm:text-4xl">Your products</h1>
          <p className="mt-2 text-muted">Drafts, launches and archived products. Only you can see your drafts.</p>
        </div>
        <ButtonLink to="/submit" variant="secondary">
          Submit a product
        </ButtonLink>
      </header>
      <div className="mt-6">
        <Segmented
          label="Show products"
          value={filter}
          options={FILTERS.map((option) => ({
            ...option,
            to: option.value === 'all' ? '/me/products' : `/me/products?status=${option.value}`,
          }))}
        />
      </div>
      <div className="mt-6">
        <OwnProductList key={filter} filter={filter} />
      </div>
    </div>
  )
}

function OwnProductList({ filter }: { filter: Filter }) {
  const products = useOwnProducts(filter)
  if (products.isPending) {
    return (
      <div className="space-y-3" role="status" aria-label="Loading your products">
        <Skeleton className="h-24 rounded-3xl" />
        <Skeleton className="h-24 rounded-3xl" />
        <Skeleton className="h-24 rounded-3xl" />
      </div>
    )
  }
  const list = flattenPages(products.data)
  if (list.length === 0) return <Empty filter={filter} />
  return (
    <>
      <ul className="space-y-3">
        {list.map((product) => (
          <li key={product.id}>
            <OwnProductRow product={product} />
          </li>
        ))}
      </ul>
      <LoadMore hasMore={products.hasNextPage} loading={products.isFetchingNextPage} onLoad={() => void products.fetchNextPage()} />
    </>
  )
}

/** A draft opens in the editor; a published or archived product opens its page. */
function OwnProductRow({ product }: { product: Product }) {
  const isDraft = product.status === 'draft'
  return (
    <article className="relative flex items-center gap-3 rounded-3xl border border-line bg-surface p-3 transition-colors hover:border-accent/50 sm:gap-4 sm:p-4">
      <ProductCover product={product} size={64} className="size-14 sm:size-16" />
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-base font-semibold sm:text-lg">
          <Link to={isDraft ? productEditPath(product) : productPath(product)} className="after:absolute after:inset-0 after:rounded-3xl focus-visible:outline-none">
            {product.title}
          </Link>
        </h2>
        <p className="truncate text-sm text-muted">{product.tagline || 'No tagline yet'}</p>
        <p className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
          <span className={cn('rounded-full border px-2 py-0.5 font-semibold tracking-wide uppercase', STATUS_BADGES[product.status])}>
            {STATUS_LABELS[product.status]}
          </span>
          {isDraft || product.published_at === null ? (
            <span>
              Edited <time dateTime={product.updated_at}>{timeAgo(product.updated_at)}</time>
            </span>
          ) : (
            <span>
              Launched <time dateTime={product.published_at}>{formatDate(product.published_at)}</time>
            </span>
          )}
          {!isDraft && (
            <span>
              {plural(product.upvote_count, 'upvote')} · {plural(product.comment_count, 'comment')}
            </span>
          )}
        </p>
      </div>
      <div className="relative z-10 shrink-0">
        {isDraft ? (
          <ButtonLink to={productPath(product)} variant="ghost" size="sm" aria-label={`Preview ${product.title}`}>
            Preview
          </ButtonLink>
        ) : (
          <ButtonLink to={productEditPath(product)} variant="secondary" size="sm" aria-label={`Edit ${product.title}`}>
            Edit
          </ButtonLink>
        )}
      </div>
    </article>
  )
}

function Empty({ filter }: { filter: Filter }) {
  const submit = (label: string) => (
    <ButtonLink to="/submit" variant="primary">
      {label}
    </ButtonLink>
  )
  switch (filter) {
    case 'draft':
      return (
        <EmptyState title="No drafts — start one" action={submit('Start a draft')}>
          Save a product as a draft to finish it later: only you can see it, and it waits for you here.
        </EmptyState>
      )
    case 'published':
      return (
        <EmptyState title="Nothing launched yet" action={submit('Submit a product')}>
          Publish a product and it shows on the home page, in its category and on your profile.
        </EmptyState>
      )
    case 'archived':
      return <EmptyState title="Nothing archived">Archived launches leave the public lists and stay here, for you and staff to see.</EmptyState>
    default:
      return (
        <EmptyState title="No products yet — start one" action={submit('Submit a product')}>
          Your drafts and launches will be listed here.
        </EmptyState>
      )
  }
}
