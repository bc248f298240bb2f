import { Link, NavLink } from 'react-router'
import { useSession } from '../../hooks/use-session'
import { cn } from '../../utils/format'
import { ButtonLink } from './button'
import { PlusIcon, SearchIcon } from './icons'
import { Logo } from './logo'
import { NotificationBell } from './notification-bell'
import { SearchBox } from './search-box'
import { Skeleton } from './skeleton'
import { UserMenu } from './user-menu'

const navClass = ({ isActive }: { isActive: boolean }) =>
  cn('rounded-full px-3 py-2 text-sm font-medium hover:bg-sunken', isActive && 'text-accent')

export function SiteHeader() {
  const { status, user } = useSession()
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-paper">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:gap-5">
        <Logo />
        <SearchBox className="hidden max-w-md flex-1 md:block" />
        <nav aria-label="Main" className="ml-auto flex items-center gap-1 sm:gap-2">
          <Link to="/search" aria-label="Search" className="flex size-10 items-center justify-center rounded-full hover:bg-sunken md:hidden">
            <SearchIcon size={22} />
          </Link>
          <NavLink to="/categories" className={(state) => cn(navClass(state), 'hidden sm:block')}>
            Categories
          </NavLink>
          {status === 'loading' && <Skeleton className="size-9 rounded-full" />}
          {status === 'anonymous' && (
            <>
              <NavLink to="/login" className={navClass}>
                Log in
              </NavLink>
              <ButtonLink to="/register" size="sm" className="h-9">
                Sign up
              </ButtonLink>
            </>
          )}
          {status === 'authenticated' && user && (
            <>
              <ButtonLink to="/submit" size="sm" className="h-9" aria-label="Submit a product">
                <PlusIcon size={16} />
                <span className="hidden sm:inline">Submit</span>
              </ButtonLink>
              <NotificationBell />
              <UserMenu user={user} />
            </>
          )}
        </nav>
      </div>
    </header>
  )
}
