import { Link } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useCategories } from '../../../services/categories/get-categories'
import { plural } from '../../../utils/format'
import { Skeleton } from '../../ui/skeleton'
import { EmptyState } from '../../ui/states'

export default function CategoriesPage() {
  useDocumentTitle('Categories')
  const categories = useCategories({ required: true })
  return (
    <div>
      <p className="text-sm font-semibold tracking-widest text-brass uppercase">Browse</p>
      <h1 className="font-display mt-1 text-3xl font-semibold sm:text-4xl">Every aisle of the showcase</h1>
      <p className="mt-2 max-w-2xl text-muted">Pick a category to see what makers have launched in it, best first.</p>
      <div className="mt-8">
        {categories.isPending ? (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" role="status" aria-label="Loading categories">
            {Array.from({ length: 6 }, (_, index) => (
              <Skeleton key={index} className="h-32 rounded-3xl" />
            ))}
          </div>
        ) : categories.isError ? null /* a failure went to the page's error boundary */ : categories.data.length === 0 ? (
          <EmptyState title="No categories yet">An administrator adds them from the admin site.</EmptyState>
        ) : (
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {categories.data.map((category) => (
              <li key={category.id}>
                <Link
                  to={`/categories/${category.slug}`}
                  className="group flex h-full flex-col rounded-3xl border border-line bg-surface p-5 transition-all hover:-translate-y-0.5 hover:border-accent hover:shadow-lg"
                >
                  <span
                    className="flex size-12 items-center justify-center rounded-2xl text-2xl"
                    style={{ background: `color-mix(in srgb, ${category.color || '#c2410c'} 18%, transparent)` }}
                    aria-hidden="true"
                  >
                    {category.icon || category.name.slice(0, 1)}
                  </span>
                  <span className="font-display mt-4 text-xl font-semibold group-hover:text-accent">{category.name}</span>
                  {category.description && <span className="mt-1 line-clamp-2 text-sm text-muted">{category.description}</span>}
                  <span className="mt-auto pt-4 text-xs font-semibold text-muted">{plural(category.products_count, 'product')}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
