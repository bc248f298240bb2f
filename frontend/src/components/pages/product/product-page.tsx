import { useState } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useLiveProduct } from '../../../hooks/use-live-updates'
import { useSession } from '../../../hooks/use-session'
import { productEditPath } from '../../../paths'
import { useDeleteProduct } from '../../../services/products/delete-product'
import { useProduct } from '../../../services/products/get-product'
import type { Product } from '../../../types/models'
import { formatDate } from '../../../utils/dates'
import { hostOf, plural, safeHref } from '../../../utils/format'
import { Button, ButtonLink, buttonClass } from '../../ui/button'
import { CategoryBadge } from '../../ui/category-badge'
import { Gallery } from '../../ui/gallery'
import { ExternalIcon } from '../../ui/icons'
import { ProductCover } from '../../ui/product-cover'
import { PlainText } from '../../ui/rich-text'
import { Skeleton } from '../../ui/skeleton'
import { UpvoteButton } from '../../ui/upvote-button'
import { NotFoundContent } from '../not-found/not-found-page'
import { ErrorBoundary } from '../../ui/error-boundary'
import { CommentsSection } from './comments-section'
import { MakerCard } from './maker-card'
import { RelatedProducts } from './related-products'

export default function ProductPage() {
  const params = useParams()
  const id = Number(params.id)
  if (!Number.isInteger(id) || id <= 0) return <NotFoundContent />
  return <ProductView key={id} id={id} />
}

function ProductView({ id }: { id: number }) {
  const refetchInterval = useLiveProduct(id)
  const product = useProduct(id, { refetchInterval })
  useDocumentTitle(product.data?.title)
  if (product.isPending) return <ProductSkeleton />
  // Only a 404 is left here: any other failure went to the route's error boundary.
  if (product.isError) return <NotFoundContent what="product" />
  return <ProductDetails product={product.data} />
}

function ProductDetails({ product }: { product: Product }) {
  const { user } = useSession()
  const isAuthor = user?.id === product.author.id
  // The cover has its smaller copies listed; gallery images are shown as they are.
  const shown = [{ src: product.image, variants: product.image_variants }, ...product.gallery.map((src) => ({ src, variants: null }))].filter(
    (image) => Boolean(image.src),
  )
  const images = shown.map((image) => image.src)
  const visit = safeHref(product.url)
  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_320px]">
      <article className="min-w-0">
        {product.status !== 'published' && <UnlistedNotice product={product} isAuthor={isAuthor} />}
        <header className="flex flex-col gap-5 sm:flex-row sm:items-start">
          <ProductCover product={product} size={96} eager className="size-20 sm:size-24" />
          <div className="min-w-0 flex-1">
            <h1 className="font-display text-3xl leading-tight font-semibold break-words sm:text-4xl">{product.title}</h1>
            {product.tagline && <p className="mt-2 text-lg text-muted">{product.tagline}</p>}
            <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-muted">
              <CategoryBadge category={product.category} />
              {product.tags.map((tag) => (
                <Link key={tag} to={`/search?q=${encodeURIComponent(tag)}`} className="rounded-full border border-line px-2.5 py-0.5 text-xs hover:border-accent hover:text-accent">
                  #{tag}
                </Link>
              ))}
            </div>
          </div>
        </header>

        <div className="mt-6 flex flex-wrap items-center gap-3">
          {visit && (
            <a href={visit} target="_blank" rel="noopener noreferrer nofollow ugc" className={buttonClass('secondary', 'lg')}>
              Visit {hostOf(visit)}
              <ExternalIcon size={18} />
            </a>
          )}
          <UpvoteButton product={product} size="lg" />
          {isAuthor && <AuthorActions product={product} />}
        </div>

        {images.length > 0 && (
          <div className="mt-8">
            <Gallery images={images} variants={shown.map((image) => image.variants)} title={product.title} />
          </div>
        )}

        {product.description && (
          <section aria-label="Description" className="mt-8 text-base leading-relaxed">
            <PlainText text={product.description} />
          </section>
        )}
        <p className="mt-6 text-sm text-muted">
          {product.published_at ? `Launched ${formatDate(product.published_at)}` : `Created ${formatDate(product.created_at)}`} ·{' '}
          {plural(product.view_count, 'view')} · {plural(product.upvote_count, 'upvote')}
        </p>

        {/* Comments that fail to load fail alone: the product above them stays. */}
        <ErrorBoundary>
          <CommentsSection product={product} />
        </ErrorBoundary>
      </article>
      <aside className="space-y-6 lg:sticky lg:top-24 lg:self-start" aria-label="About the maker and more">
        <MakerCard author={product.author} />
        <RelatedProducts product={product} />
      </aside>
    </div>
  )
}

function AuthorActions({ product }: { product: Product }) {
  const navigate = useNavigate()
  const remove = useDeleteProduct()
  const [confirming, setConfirming] = useState(false)
  if (confirming) {
    return (
      <div className="flex items-center gap-2" role="group" aria-label="Confirm deletion">
        <span className="text-sm">Delete for good?</span>
        <Button
          variant="danger"
          size="sm"
          busy={remove.isPending}
          onClick={() => remove.mutate(product.id, { onSuccess: () => void navigate(`/users/${product.author.username}`) })}
        >
          Delete
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    )
  }
  return (
    <>
      <ButtonLink to={productEditPath(product)} variant="ghost">
        Edit
      </ButtonLink>
      <Button variant="ghost" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    </>
  )
}

function ProductSkeleton() {
  return (
    <div role="status" aria-label="Loading the product" className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_320px]">
      <div>
        <div className="flex gap-5">
          <Skeleton className="size-20 rounded-2xl sm:size-24" />
          <div className="flex-1 space-y-3">
            <Skeleton className="h-9 w-2/3" />
            <Skeleton className="h-5 w-4/5" />
            <Skeleton className="h-5 w-1/3" />
          </div>
        </div>
        <Skeleton className="mt-8 aspect-[16/10] w-full rounded-3xl" />
      </div>
      <Skeleton className="h-56 rounded-3xl" />
    </div>
  )
}

/** Above a draft or an archived product, seen by its maker (and staff, for archived ones). */
function UnlistedNotice({ product, isAuthor }: { product: Product; isAuthor: boolean }) {
  const location = useLocation()
  const justSaved = product.status === 'draft' && (location.state as { saved?: string } | null)?.saved === 'draft'
  return (
    <p role={justSaved ? 'status' : undefined} className="mb-6 rounded-2xl border border-brass/40 bg-brass-soft px-4 py-3 text-sm text-brass">
      {justSaved && <strong>Draft saved. </strong>}
      This is {product.status === 'archived' ? 'an' : 'a'} <strong>{product.status}</strong>: only you can see it.{' '}
      <Link to={productEditPath(product)} className="font-semibold underline">
        Edit and publish it
      </Link>
      {isAuthor && (
        <>
          {' · '}
          <Link to={`/me/products?status=${product.status}`} className="font-semibold underline">
            {product.status === 'draft' ? 'All your drafts' : 'All your archived products'}
          </Link>
        </>
      )}
    </p>
  )
}
