import { Link } from 'react-router'
import { useUnreadCount } from '../../services/notifications/get-unread-count'
import { BellIcon } from './icons'

export function NotificationBell() {
  const { data: unread = 0 } = useUnreadCount(true)
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'
  return (
    <Link to="/notifications" aria-label={label} className="relative flex size-10 items-center justify-center rounded-full hover:bg-sunken">
      <BellIcon size={22} />
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute top-0.5 right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full border-2 border-paper bg-accent px-1 text-[11px] font-bold text-on-accent"
        >
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  )
}
