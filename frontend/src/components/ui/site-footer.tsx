import { Link } from 'react-router'
import { LogoMark } from './logo'

export function SiteFooter() {
  return (
    <footer className="mt-20 border-t border-line">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-10 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p className="flex items-center gap-2">
          <LogoMark size={22} />
          <span>Vitrin — a window onto what makers are launching today.</span>
        </p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link className="hover:text-ink" to="/categories">
            Categories
          </Link>
          <Link className="hover:text-ink" to="/search">
            Search
          </Link>
          <a className="hover:text-ink" href="/api/docs/">
            API
          </a>
        </nav>
      </div>
    </footer>
  )
}
