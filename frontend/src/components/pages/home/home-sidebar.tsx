import { Link } from 'react-router'
import { useSession } from '../../../hooks/use-session'
import { useCategories } from '../../../services/categories/get-categories'
import { ButtonLink } from '../../ui/button'
import { SparkIcon } from '../../ui/icons'
import { Skeleton } from '../../ui/skeleton'

export function HomeSidebar() {
  const { status } = useSession()
  const categories = useCategories()
  return (
    <aside className="space-y-6 lg:sticky lg:top-24 lg:self-start" aria-label="Discover">
      <div className="relative overflow-hidden rounded-3xl bg-ink p-6 text-paper">
        <SparkIcon size={28} className="text-mark" />
        <h2 className="font-display mt-3 text-2xl leading-snug font-semibold">Made something? Put it in the window.</h2>
        <p className="mt-2 text-sm opacity-80">Launch it today and hear from people who try new things first.</p>
        <ButtonLink to={status === 'authenticated' ? '/submit' : '/register'} className="mt-5">
          {status === 'authenticated' ? 'Submit a product' : 'Join and launch'}
        </ButtonLink>
      </div>
      <section className="rounded-3xl border border-line bg-surface p-5" aria-labelledby="home-categories">
        <h2 id="home-categories" className="font-display text-lg font-semibold">
          Browse by category
        </h2>
        {categories.isPending ? (
          <div className="mt-4 space-y-3" aria-hidden="true">
            {Array.from({ length: 5 }, (_, index) => (
              <Skeleton key={index} className="h-5" />
            ))}
          </div>
        ) : (
          <ul className="mt-3 space-y-1">
            {(categories.data ?? []).slice(0, 8).map((category) => (
              <li key={category.id}>
                <Link
                  to={`/categories/${category.slug}`}
                  className="flex items-center justify-between rounded-xl px-2 py-1.5 text-sm hover:bg-sunken"
                >
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true">{category.icon}</span>
                    {category.name}
                  </span>
                  <span className="text-xs text-muted tabular-nums">{category.products_count}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Link to="/categories" className="mt-3 inline-block text-sm font-semibold text-accent hover:underline">
          All categories →
        </Link>
      </section>
    </aside>
  )
}
