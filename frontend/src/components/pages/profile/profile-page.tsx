import { Link, NavLink, useParams } from 'react-router'
import { useDocumentTitle } from '../../../hooks/use-document-title'
import { useSession } from '../../../hooks/use-session'
import { useUser } from '../../../services/users/get-user'
import type { PublicUser } from '../../../types/models'
import { formatDate } from '../../../utils/dates'
import { cn, compactNumber, displayName, hostOf, safeHref } from '../../../utils/format'
import { Avatar } from '../../ui/avatar'
import { ButtonLink } from '../../ui/button'
import { FollowButton } from '../../ui/follow-button'
import { PlainText } from '../../ui/rich-text'
import { Skeleton } from '../../ui/skeleton'
import { NotFoundContent } from '../not-found/not-found-page'
import { FollowsTab, ProductsTab, UpvotedTab } from './profile-tabs'
import { ErrorBoundary } from '../../ui/error-boundary'

const TABS = [
  { key: 'products', label: 'Launches' },
  { key: 'upvoted', label: 'Upvoted' },
  { key: 'followers', label: 'Followers' },
  { key: 'following', label: 'Following' },
] as const
type Tab = (typeof TABS)[number]['key']

export default function ProfilePage() {
  const { username = '', tab = 'products' } = useParams()
  const user = useUser(username)
  useDocumentTitle(user.data ? `${displayName(user.data)} (@${user.data.username})` : username)
  const current = TABS.find((item) => item.key === tab)?.key
  if (!current) return <NotFoundContent />
  if (user.isPending) return <ProfileSkeleton />
  // Only a 404 is left here: any other failure went to the route's error boundary.
  if (user.isError) return <NotFoundContent what="person" />
  return (
    <div>
      <ProfileHeader user={user.data} />
      <nav aria-label="Profile sections" className="mt-8 flex gap-1 overflow-x-auto border-b border-line">
        {TABS.map((item) => (
          <NavLink
            key={item.key}
            to={item.key === 'products' ? `/users/${username}` : `/users/${username}/${item.key}`}
            end
            replace
            className={({ isActive }) =>
              cn(
                '-mb-px border-b-2 px-4 py-3 text-sm font-semibold whitespace-nowrap',
                isActive ? 'border-accent text-ink' : 'border-transparent text-muted hover:text-ink',
              )
            }
          >
            {item.label}
            <TabCount user={user.data} tab={item.key} />
          </NavLink>
        ))}
      </nav>
      <div className="mt-4">
        {/* A tab that fails to load fails alone: the profile above it stays. */}
        <ErrorBoundary resetKey={current}>
          {current === 'products' && <ProductsTab username={username} />}
          {current === 'upvoted' && <UpvotedTab username={username} />}
          {current === 'followers' && <FollowsTab username={username} list="followers" />}
          {current === 'following' && <FollowsTab username={username} list="following" />}
        </ErrorBoundary>
      </div>
    </div>
  )
}

function TabCount({ user, tab }: { user: PublicUser; tab: Tab }) {
  const count =
    tab === 'products' ? user.products_count : tab === 'followers' ? user.followers_count : tab === 'following' ? user.following_count : null
  if (count === null) return null
  return <span className="ml-1.5 rounded-full bg-sunken px-2 py-0.5 text-xs text-muted tabular-nums">{compactNumber(count)}</span>
}

function ProfileHeader({ user }: { user: PublicUser }) {
  const { user: me } = useSession()
  const website = safeHref(user.website)
  return (
    <header className="flex flex-col gap-6 sm:flex-row sm:items-center">
      <Avatar user={user} size={112} className="ring-4 ring-surface" />
      <div className="min-w-0 flex-1">
        <h1 className="font-display text-3xl font-semibold break-words sm:text-4xl">{displayName(user)}</h1>
        <p className="mt-1 text-muted">
          @{user.username} · joined {formatDate(user.created_at)}
          {website && (
            <>
              {' · '}
              <a href={website} target="_blank" rel="noopener noreferrer nofollow ugc" className="font-medium text-accent hover:underline">
                {hostOf(website)}
              </a>
            </>
          )}
        </p>
        {user.bio && <PlainText text={user.bio} className="mt-3 max-w-2xl" />}
        <p className="mt-3 flex gap-4 text-sm">
          <Link to={`/users/${user.username}/followers`} className="hover:underline">
            <strong className="tabular-nums">{compactNumber(user.followers_count)}</strong> <span className="text-muted">followers</span>
          </Link>
          <Link to={`/users/${user.username}/following`} className="hover:underline">
            <strong className="tabular-nums">{compactNumber(user.following_count)}</strong> <span className="text-muted">following</span>
          </Link>
        </p>
      </div>
      <div>
        {me?.id === user.id ? (
          <div className="flex flex-wrap gap-2">
            <ButtonLink to="/me/products" variant="secondary">
              Your products
            </ButtonLink>
            <ButtonLink to="/settings/profile" variant="secondary">
              Edit profile
            </ButtonLink>
          </div>
        ) : (
          <FollowButton user={user} />
        )}
      </div>
    </header>
  )
}

function ProfileSkeleton() {
  return (
    <div role="status" aria-label="Loading the profile" className="flex items-center gap-6">
      <Skeleton className="size-28 rounded-full" />
      <div className="flex-1 space-y-3">
        <Skeleton className="h-9 w-1/3" />
        <Skeleton className="h-5 w-1/2" />
      </div>
    </div>
  )
}
