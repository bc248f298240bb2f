import { useLiveLeaderboard } from '../../../hooks/use-live-updates'
import { useLaunchDays, type LaunchDay } from '../../../services/products/get-launch-days'
import type { ProductOrdering } from '../../../types/models'
import { dayLabel, shortDayLabel } from '../../../utils/dates'
import { ButtonLink } from '../../ui/button'
import { LoadMore } from '../../ui/load-more'
import { ProductRow } from '../../ui/product-row'
import { ProductListSkeleton } from '../../ui/skeleton'
import { EmptyState, ErrorState } from '../../ui/states'
import { DayMore } from './day-more'

/** Today's leaderboard, then the days before, one day per page of the infinite scroll. */
export function LaunchDays({ ordering }: { ordering: ProductOrdering }) {
  // Counts and ranks change as votes stream in (polled instead when streams are unavailable).
  const refetchInterval = useLiveLeaderboard(ordering)
  const days = useLaunchDays(ordering, { refetchInterval })
  if (days.isPending) return <ProductListSkeleton rows={6} label="Loading today's launches" />
  if (days.isError) return <ErrorState error={days.error} onRetry={() => void days.refetch()} />
  const shown = days.data.pages.filter((day, index) => index === 0 || day.products.length > 0)
  return (
    <div className="space-y-10">
      {shown.map((day, index) => (
        <DaySection key={day.date} day={day} ordering={ordering} first={index === 0} />
      ))}
      <LoadMore
        hasMore={days.hasNextPage}
        loading={days.isFetchingNextPage}
        onLoad={() => void days.fetchNextPage()}
        label="Show earlier days"
      />
      {!days.hasNextPage && shown.length > 1 && (
        <p className="py-6 text-center text-sm text-muted">You have reached the first launches. Yours could be next.</p>
      )}
    </div>
  )
}

function DaySection({ day, ordering, first }: { day: LaunchDay; ordering: ProductOrdering; first: boolean }) {
  const label = dayLabel(day.date)
  const headingId = `day-${day.date}`
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="font-display mb-2 flex items-baseline gap-3 border-b border-line pb-2 text-xl font-semibold sm:text-2xl">
        {label}
        {(label === 'Today' || label === 'Yesterday') && <span className="text-sm font-normal text-muted">{shortDayLabel(day.date)}</span>}
      </h2>
      {day.products.length === 0 ? (
        <EmptyState
          title="Nothing launched yet today"
          action={
            <ButtonLink to="/submit" variant="primary">
              Launch your product
            </ButtonLink>
          }
        >
          The first launch of the day gets the whole window. Earlier days are below.
        </EmptyState>
      ) : (
        <ol className="-mx-2 sm:-mx-3">
          {day.products.map((product, index) => (
            <li key={product.id}>
              <ProductRow product={product} rank={first ? index + 1 : undefined} eager={first && index < 3} />
            </li>
          ))}
        </ol>
      )}
      {day.more && <DayMore date={day.date} ordering={ordering} next={day.more} offset={day.products.length} ranked={first} />}
    </section>
  )
}
