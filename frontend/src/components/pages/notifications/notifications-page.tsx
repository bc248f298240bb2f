import { Link } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { productPathById } from '../../../paths'
import { useNotifications } from '../../../services/notifications/get-notifications'
import { useMarkRead } from '../../../services/notifications/mark-read'
import { flattenPages } from '../../../services/paginate'
import type { Notification } from '../../../types/models'
import { timeAgo } from '../../../utils/dates'
import { cn, displayName } from '../../../utils/format'
import { Avatar } from '../../ui/avatar'
import { Button } from '../../ui/button'
import { LoadMore } from '../../ui/load-more'
import { RequireUser } from '../../ui/require-user'
import { Skeleton } from '../../ui/skeleton'
import { EmptyState } from '../../ui/states'

const VERBS: Record<Notification['verb'], string> = {
  comment: 'commented on your product',
  reply: 'replied to your comment',
  upvote: 'upvoted your product',
  follow: 'started following you',
}

/** The same, naming the product: "upvoted Notion". */
const VERBS_ON: Record<Exclude<Notification['verb'], 'follow'>, string> = {
  comment: 'commented on',
  reply: 'replied to your comment on',
  upvote: 'upvoted',
}

/** What happened, with the product's title when the API gives it (null: no product, or one you may no longer see). */
function WhatHappened({ notification }: { notification: Notification }) {
  const { verb, product_title: title } = notification
  if (verb === 'follow' || !title) return <>{VERBS[verb]}</>
  return (
    <>
      {VERBS_ON[verb]} <strong className="break-words">{title}</strong>
    </>
  )
}

function targetOf(notification: Notification): string {
  if (notification.verb === 'follow' || notification.product === null) return `/users/${notification.actor.username}`
  return productPathById(notification.product, notification.comment ? `comment-${notification.comment}` : '')
}

export default function NotificationsPage() {
  useDocumentTitle('Notifications')
  return (
    <RequireUser>
      <NotificationList />
    </RequireUser>
  )
}

function NotificationList() {
  const notifications = useNotifications()
  const markRead = useMarkRead()
  const list = flattenPages(notifications.data)
  const unread = list.filter((notification) => !notification.read)
  return (
    <div className="mx-auto max-w-2xl">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="font-display text-3xl font-semibold sm:text-4xl">Notifications</h1>
        <Button variant="secondary" size="sm" disabled={unread.length === 0} busy={markRead.isPending && markRead.variables === undefined} onClick={() => markRead.mutate(undefined)}>
          Mark all as read
        </Button>
      </header>
      <div className="mt-6">
        {notifications.isPending ? (
          <div className="space-y-3" role="status" aria-label="Loading notifications">
            <Skeleton className="h-20 rounded-3xl" />
            <Skeleton className="h-20 rounded-3xl" />
            <Skeleton className="h-20 rounded-3xl" />
          </div>
        ) : list.length === 0 ? (
          <EmptyState title="All quiet for now">When people comment on, upvote or follow what you do, you will hear it here.</EmptyState>
        ) : (
          <ul className="space-y-2">
            {list.map((notification) => (
              <li
                key={notification.id}
                className={cn(
                  'relative flex items-center gap-3 rounded-3xl border p-4',
                  notification.read ? 'border-line bg-transparent' : 'border-accent/40 bg-accent-soft',
                )}
              >
                <Avatar user={notification.actor} size={44} />
                <div className="min-w-0 flex-1">
                  <p className="text-sm">
                    <Link
                      to={targetOf(notification)}
                      className="after:absolute after:inset-0 after:rounded-3xl"
                      onClick={() => !notification.read && markRead.mutate([notification.id])}
                    >
                      <strong>{displayName(notification.actor)}</strong> <WhatHappened notification={notification} />
                    </Link>
                  </p>
                  <p className="text-xs text-muted">
                    <time dateTime={notification.created_at}>{timeAgo(notification.created_at)}</time>
                    {!notification.read && <span className="sr-only">, unread</span>}
                  </p>
                </div>
                {!notification.read && (
                  <button
                    type="button"
                    className="relative z-10 rounded-full px-3 py-1.5 text-xs font-semibold text-accent hover:bg-surface"
                    onClick={() => markRead.mutate([notification.id])}
                  >
                    Mark as read
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <LoadMore hasMore={notifications.hasNextPage} loading={notifications.isFetchingNextPage} onLoad={() => void notifications.fetchNextPage()} />
      </div>
    </div>
  )
}
