import { Link } from 'react-router'
import { cn } from '../../utils/format'

interface SegmentedProps<T extends string> {
  label: string
  options: { value: T; label: string; to: string }[]
  value: T
}

/** A small set of mutually exclusive views, each a link (so every view is deep-linkable). */
export function Segmented<T extends string>({ label, options, value }: SegmentedProps<T>) {
  return (
    <nav aria-label={label} className="inline-flex rounded-full border border-line bg-surface p-1">
      {options.map((option) => (
        <Link
          key={option.value}
          to={option.to}
          replace
          aria-current={option.value === value ? 'page' : undefined}
          className={cn(
            'rounded-full px-3.5 py-1.5 text-sm font-semibold transition-colors',
            option.value === value ? 'bg-ink text-paper' : 'text-muted hover:text-ink',
          )}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  )
}
