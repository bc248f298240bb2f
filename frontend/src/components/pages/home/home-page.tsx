import { useSearchParams } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import type { ProductOrdering } from '../../../types/models'
import { LaunchDays } from './launch-days'
import { HomeSidebar } from './home-sidebar'
import { Segmented } from '../../ui/segmented'

const ORDERINGS: { value: ProductOrdering; label: string }[] = [
  { value: 'hot', label: 'Hot' },
  { value: 'new', label: 'New' },
  { value: 'top', label: 'Top' },
]

function parseOrdering(value: string | null): ProductOrdering {
  return value === 'new' || value === 'top' ? value : 'hot'
}

export function HomePage() {
  const [params] = useSearchParams()
  const ordering = parseOrdering(params.get('sort'))
  useDocumentTitle(null)
  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_300px]">
      <div className="min-w-0">
        <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-sm font-semibold tracking-widest text-brass uppercase">The daily showcase</p>
            <h1 className="font-display mt-1 text-3xl leading-tight font-semibold sm:text-4xl">
              Launching on <span className="text-accent italic">Vitrin</span>
            </h1>
          </div>
          <Segmented
            label="Order launches by"
            value={ordering}
            options={ORDERINGS.map((option) => ({
              ...option,
              to: option.value === 'hot' ? '/' : `/?sort=${option.value}`,
            }))}
          />
        </header>
        <LaunchDays ordering={ordering} />
      </div>
      <HomeSidebar />
    </div>
  )
}
