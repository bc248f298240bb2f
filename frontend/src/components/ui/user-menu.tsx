import { useEffect, useId, useRef, useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { useLogout } from '../../services/auth/logout'
import type { Me } from '../../types/models'
import { displayName } from '../../utils/format'
import { Avatar } from './avatar'
import { ChevronDownIcon } from './icons'

/** The signed-in person's menu: a disclosure button and a list of links, closed by Escape or a click outside. */
export function UserMenu({ user }: { user: Me }) {
  const logout = useLogout()
  const navigate = useNavigate()
  const location = useLocation()
  // Open on the page where it was opened only: any navigation closes it.
  const [openOn, setOpenOn] = useState<string | null>(null)
  const open = openOn === location.pathname
  const menuId = useId()
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onClick = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpenOn(null)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpenOn(null)
    }
    document.addEventListener('mousedown', onClick)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('mousedown', onClick)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const item = 'block rounded-xl px-3 py-2 text-sm hover:bg-sunken'
  const links = [
    [`/users/${user.username}`, 'Your profile'],
    ['/me/products', 'Your products'],
    ['/submit', 'Submit a product'],
    ['/settings/profile', 'Edit profile'],
    ['/settings/password', 'Change password'],
  ] as const
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpenOn(open ? null : location.pathname)}
        className="flex items-center gap-1 rounded-full p-0.5 hover:bg-sunken"
      >
        <Avatar user={user} size={36} />
        <ChevronDownIcon size={16} className="hidden text-muted sm:block" />
        <span className="sr-only">Your account menu</span>
      </button>
      {open && (
        <div id={menuId} className="absolute right-0 z-40 mt-2 w-60 rounded-2xl border border-line bg-surface p-2 shadow-xl">
          <div className="px-3 py-2">
            <p className="truncate font-semibold">{displayName(user)}</p>
            <p className="truncate text-xs text-muted">@{user.username}</p>
          </div>
          <hr className="my-1 border-line" />
          {links.map(([to, label]) => (
            <Link key={to} className={item} to={to} onClick={() => setOpenOn(null)}>
              {label}
            </Link>
          ))}
          <hr className="my-1 border-line" />
          <button
            type="button"
            className={`${item} w-full text-left`}
            onClick={() => {
              // Home either way: the session ends here even when the server could not be told.
              const home = () => void navigate('/')
              void logout.mutateAsync().then(home, home)
            }}
          >
            Log out
          </button>
        </div>
      )}
    </div>
  )
}
