import { Link, useNavigate, useSearchParams } from 'react-router'
import { useId } from 'react'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useCategories } from '../../../services/categories/get-categories'
import { flattenPages } from '../../../services/paginate'
import { MAX_QUERY_LENGTH, useSearchProducts } from '../../../services/search/search-products'
import type { SearchOrdering } from '../../../types/models'
import { ButtonLink } from '../../ui/button'
import { LoadMore } from '../../ui/load-more'
import { ProductRow } from '../../ui/product-row'
import { SearchBox } from '../../ui/search-box'
import { Segmented } from '../../ui/segmented'
import { ProductListSkeleton } from '../../ui/skeleton'
import { EmptyState } from '../../ui/states'
import { ErrorBoundary } from '../../ui/error-boundary'

function parseOrdering(value: string | null): SearchOrdering {
  return value === 'new' || value === 'top' ? value : 'relevance'
}

export default function SearchPage() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const selectId = useId()
  const q = (params.get('q') ?? '').trim()
  const category = params.get('category') ?? ''
  const ordering = parseOrdering(params.get('sort'))
  const categories = useCategories()
  useDocumentTitle(q ? `“${q}”` : 'Search')

  const linkWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    return `/search?${next.toString()}`
  }

  return (
    <div>
      <h1 className="font-display text-3xl font-semibold sm:text-4xl">{q ? <>Results for “{q}”</> : 'Search the showcase'}</h1>
      <SearchBox className="mt-4 md:hidden" />
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <label htmlFor={selectId} className="sr-only">
          Category
        </label>
        <select
          id={selectId}
          value={category}
          onChange={(event) => void navigate(linkWith({ category: event.target.value || null }), { replace: true })}
          className="h-10 rounded-full border border-line bg-surface px-4 text-sm font-medium focus:border-accent focus:outline-none"
        >
          <option value="">All categories</option>
          {(categories.data ?? []).map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.name}
            </option>
          ))}
        </select>
        <Segmented
          label="Order results by"
          value={ordering}
          options={[
            { value: 'relevance', label: 'Best match', to: linkWith({ sort: null }) },
            { value: 'new', label: 'Newest', to: linkWith({ sort: 'new' }) },
            { value: 'top', label: 'Most upvoted', to: linkWith({ sort: 'top' }) },
          ]}
        />
      </div>

      {/* Results that fail to load fail alone: the search box and filters above stay. */}
      <ErrorBoundary resetKey={params.toString()}>
        <SearchResults q={q} category={category} ordering={ordering} linkWith={linkWith} categories={categories.data ?? []} />
      </ErrorBoundary>
    </div>
  )
}

interface SearchResultsProps {
  q: string
  category: string
  ordering: SearchOrdering
  linkWith: (changes: Record<string, string | null>) => string
  categories: { slug: string; name: string; icon: string }[]
}

function SearchResults({ q, category, ordering, linkWith, categories }: SearchResultsProps) {
  const results = useSearchProducts({
    q,
    ...(category ? { category } : {}),
    ...(ordering === 'relevance' ? {} : { ordering }),
  })
  const list = flattenPages(results.data)
  return (
    <div className="mt-6" aria-live="polite" aria-busy={results.isFetching}>
      {!q ? (
        <EmptyState title="What are you looking for?">
          <p>Type a few words in the search box: a product's name, what it does, or a tag like “ai” or “design”.</p>
          <CategoryChips categories={categories.slice(0, 8)} />
        </EmptyState>
      ) : q.length > MAX_QUERY_LENGTH ? (
        <EmptyState title="That search is too long">Use at most {MAX_QUERY_LENGTH} characters.</EmptyState>
      ) : results.isPending ? (
        <ProductListSkeleton rows={5} label="Searching" />
      ) : list.length === 0 ? (
        <EmptyState
          title={`Nothing matches “${q}”${category ? ' in this category' : ''}`}
          action={
            category ? (
              <ButtonLink to={linkWith({ category: null })} variant="secondary">
                Search every category
              </ButtonLink>
            ) : (
              <ButtonLink to="/categories" variant="secondary">
                Browse categories
              </ButtonLink>
            )
          }
        >
          <p>Check the spelling, try fewer or more general words, or look around a category.</p>
        </EmptyState>
      ) : (
        <ul className="-mx-2 sm:-mx-3">
          {list.map((product) => (
            <li key={product.id}>
              <ProductRow product={product} highlight={q} />
            </li>
          ))}
        </ul>
      )}
      {q && <LoadMore hasMore={results.hasNextPage} loading={results.isFetchingNextPage} onLoad={() => void results.fetchNextPage()} />}
    </div>
  )
}

function CategoryChips({ categories }: { categories: { slug: string; name: string; icon: string }[] }) {
  if (categories.length === 0) return null
  return (
    <ul className="mt-5 flex flex-wrap justify-center gap-2" aria-label="Or browse a category">
      {categories.map((category) => (
        <li key={category.slug}>
          <Link
            to={`/categories/${category.slug}`}
            className="inline-flex items-center gap-1 rounded-full border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent"
          >
            <span aria-hidden="true">{category.icon}</span>
            {category.name}
          </Link>
        </li>
      ))}
    </ul>
  )
}
